package dev.scribe.gateway.domain;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import java.util.List;
import java.util.Map;

/**
 * An error for which the gateway itself writes the platform error body. The message is shown to
 * clients, so it never contains tokens, personal data or upstream host names.
 */
public class PlatformErrorException extends RuntimeException {

    private final ErrorCode code;
    private final List<ErrorDetail> details;
    private final Map<String, String> headers;

    public PlatformErrorException(ErrorCode code, String message) {
        this(code, message, List.of(), Map.of(), null);
    }

    public PlatformErrorException(
            ErrorCode code,
            String message,
            List<ErrorDetail> details,
            Map<String, String> headers,
            Throwable cause) {
        super(message, cause);
        this.code = code;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    public ErrorCode code() {
        return code;
    }

    public List<ErrorDetail> details() {
        return details;
    }

    /** Extra response headers, such as {@code WWW-Authenticate} on a 401. */
    public Map<String, String> headers() {
        return headers;
    }
}
