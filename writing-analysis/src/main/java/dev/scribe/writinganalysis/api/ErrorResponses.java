package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.ErrorBody;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the platform error body, with the headers that go with it, for controllers, filters and
 * the container's error page alike.
 */
@Component
public class ErrorResponses {

    /** Seconds that a client should wait after a 503 or 429; the platform allows 1 to 300. */
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * Returns the wait announced in {@code Retry-After}: 1 s for a full bulkhead, which frees up
     * within a second, else 5 s.
     */
    static int retryAfterSeconds(ErrorCode code) {
        return code == ErrorCode.SERVICE_BUSY ? 1 : RETRY_AFTER_SECONDS;
    }

    /** {@code serviceUsed} of legacy responses produced by the service itself (tier remote). */
    static final String SERVICE_USED_REMOTE = "mcp";

    private final JsonMapper jsonMapper;

    public ErrorResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** Returns the error response for a controller or an exception handler. */
    public ResponseEntity<Object> entity(
            HttpServletRequest request, ErrorCode code, String message, List<ErrorDetail> details) {
        HttpHeaders headers = headersFor(code);
        return ResponseEntity.status(code.httpStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(request, code, message, details));
    }

    /** Writes the error response directly, for filters that stop the chain. */
    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ErrorCode code,
            String message,
            List<ErrorDetail> details)
            throws IOException {
        response.setStatus(code.httpStatus());
        headersFor(code)
                .forEach(
                        (name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), body(request, code, message, details));
    }

    private Object body(
            HttpServletRequest request, ErrorCode code, String message, List<ErrorDetail> details) {
        ErrorBody body =
                ErrorBody.of(code, message, RequestAttributes.correlationId(request), details);
        if (Routes.isLegacy(Routes.pathOf(request))) {
            return LegacyErrorBody.of(body, SERVICE_USED_REMOTE);
        }
        return body;
    }

    /**
     * Returns the headers of an error response. The correlation id is not among them because the
     * correlation filter has already set it on the response, and adding it again would send it
     * twice.
     */
    private static HttpHeaders headersFor(ErrorCode code) {
        HttpHeaders headers = new HttpHeaders();
        if (code.requiresRetryAfter()) {
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds(code)));
        }
        if (code == ErrorCode.UNAUTHENTICATED || code == ErrorCode.TOKEN_REVOKED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return headers;
    }
}
