package dev.scribe.writinganalysis.service;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import java.util.List;

/**
 * A failure that the service detects outside the engine (an invalid idempotency key, an idempotency
 * conflict, an invalid legacy header) and reports with a platform error code. The message never
 * contains input text.
 */
public class ServiceException extends RuntimeException {

    private final ErrorCode code;
    private final List<ErrorDetail> details;

    public ServiceException(ErrorCode code, String message, List<ErrorDetail> details) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ServiceException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ErrorCode code() {
        return code;
    }

    public List<ErrorDetail> details() {
        return details;
    }
}
