package dev.scribe.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The platform error envelope: {@code {"success": false, "error": {...}}}. */
public record ErrorBody(boolean success, Error error) {

    /** The {@code error} object of the envelope; {@code details} is left out when empty. */
    public record Error(
            String code,
            String message,
            String correlationId,
            boolean retryable,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ErrorDetail> details) {}

    public static ErrorBody of(ErrorCode code, String message, String correlationId) {
        return of(code, message, correlationId, List.of());
    }

    public static ErrorBody of(
            ErrorCode code, String message, String correlationId, List<ErrorDetail> details) {
        return new ErrorBody(
                false,
                new Error(
                        code.name(),
                        message,
                        correlationId,
                        code.retryable(),
                        details == null ? List.of() : List.copyOf(details)));
    }
}
