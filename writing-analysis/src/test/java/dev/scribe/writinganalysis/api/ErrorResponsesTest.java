package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.platform.web.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** Headers and body shape that every error response carries. */
class ErrorResponsesTest {

    private final ErrorResponses errors = new ErrorResponses(JsonMapper.builder().build());

    @Test
    void unavailable_carriesRetryAfter() {
        ResponseEntity<Object> response =
                errors.entity(
                        request("/api/writing-analysis/insights"),
                        ErrorCode.UNAVAILABLE,
                        "x",
                        List.of());

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    @Test
    void rateLimited_carriesRetryAfter() {
        ResponseEntity<Object> response =
                errors.entity(
                        request("/api/writing-analysis/insights"),
                        ErrorCode.RATE_LIMITED,
                        "x",
                        List.of());

        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    @Test
    void forbidden_hasNoRetryAfter() {
        ResponseEntity<Object> response =
                errors.entity(
                        request("/api/writing-analysis/insights"),
                        ErrorCode.FORBIDDEN,
                        "x",
                        List.of());

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void legacyPath_addsMessageAndServiceUsed() {
        ResponseEntity<Object> response =
                errors.entity(
                        request("/api/analytics/health"), ErrorCode.INTERNAL, "Failed.", List.of());

        assertThat(response.getBody()).isInstanceOf(LegacyErrorBody.class);
        LegacyErrorBody body = (LegacyErrorBody) response.getBody();
        assertThat(body.message()).isEqualTo("Failed.");
        assertThat(body.serviceUsed()).isEqualTo("mcp");
        assertThat(body.error().code()).isEqualTo("INTERNAL");
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setAttribute(RequestAttributes.CORRELATION_ID, "unit-test-correlation");
        return request;
    }
}
