package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.platform.web.ErrorBody;
import dev.scribe.writinganalysis.core.api.ToolException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import tools.jackson.databind.json.JsonMapper;

/** Mapping of failures to status, code and headers. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler =
            new ApiExceptionHandler(new ErrorResponses(JsonMapper.builder().build()));

    @Test
    void databaseDown_returns503WithRetryAfter() {
        ResponseEntity<Object> response =
                handler.databaseUnavailable(
                        new CannotCreateTransactionException("Connection refused"), request());

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(codeOf(response)).isEqualTo("UNAVAILABLE");
    }

    @Test
    void transactionTimeout_returns504() {
        ResponseEntity<Object> response =
                handler.deadlineExceeded(new TransactionTimedOutException("late"), request());

        assertThat(response.getStatusCode().value()).isEqualTo(504);
        assertThat(codeOf(response)).isEqualTo("DEADLINE_EXCEEDED");
    }

    @Test
    void toolError_keepsCodeAndDetails() {
        ResponseEntity<Object> response =
                handler.toolFailure(
                        ToolException.tooLarge("content", "maxLength 100000", "length 100001"),
                        request());

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        ErrorBody body = (ErrorBody) response.getBody();
        assertThat(body.error().code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(body.error().details()).hasSize(1);
        assertThat(body.error().details().get(0).field()).isEqualTo("content");
    }

    @Test
    void unexpectedError_hidesItsMessage() {
        ResponseEntity<Object> response =
                handler.unexpected(new IllegalStateException("essay text of a student"), request());

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        ErrorBody body = (ErrorBody) response.getBody();
        assertThat(body.error().code()).isEqualTo("INTERNAL");
        assertThat(body.error().message()).doesNotContain("essay text");
    }

    private static String codeOf(ResponseEntity<Object> response) {
        return ((ErrorBody) response.getBody()).error().code();
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request =
                new MockHttpServletRequest("POST", "/api/writing-analysis/insights");
        request.setAttribute(RequestAttributes.CORRELATION_ID, "unit-test-correlation");
        return request;
    }
}
