package dev.scribe.identity.api;

import dev.scribe.platform.web.ErrorBody;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns request errors of the identity API into the platform error body. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    static ResponseEntity<ErrorBody> error(
            ErrorCode code, String message, String correlationId, List<ErrorDetail> details) {
        return ResponseEntity.status(code.httpStatus())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(ErrorBody.of(code, message, correlationId, details));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpServletRequest request) {
        return error(
                ErrorCode.INVALID_ARGUMENT,
                "The request body is not valid JSON.",
                CorrelationIdFilter.correlationId(request),
                List.of(
                        new ErrorDetail(
                                "body", "must be a JSON object with username and password")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> unsupportedMediaType(
            HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return error(
                ErrorCode.INVALID_ARGUMENT,
                "The request body must be JSON.",
                CorrelationIdFilter.correlationId(request),
                List.of(
                        new ErrorDetail(
                                "Content-Type",
                                "must be application/json, got " + e.getContentType())));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> wrongMethod(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return error(
                ErrorCode.NOT_FOUND,
                "This path serves POST only.",
                CorrelationIdFilter.correlationId(request),
                List.of(new ErrorDetail("method", "not served on this path: " + e.getMethod())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
        log.error("Request failed with an unexpected error", e);
        return error(
                ErrorCode.INTERNAL,
                "The request failed because of an internal error.",
                CorrelationIdFilter.correlationId(request),
                List.of());
    }
}
