package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import java.util.List;

/**
 * A failure that the HTTP layer itself detects (a malformed query parameter, an idempotency
 * conflict) and reports with a platform error code. The message never contains input text.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<ErrorDetail> details;

    public ApiException(ErrorCode code, String message, List<ErrorDetail> details) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ErrorCode code() {
        return code;
    }

    public List<ErrorDetail> details() {
        return details;
    }
}
