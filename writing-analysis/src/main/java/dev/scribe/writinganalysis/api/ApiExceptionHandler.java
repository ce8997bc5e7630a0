package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.service.ServiceException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure of a controller to the platform error body. Messages are fixed English
 * sentences: none quotes the request, so no input text or user id can leak into a response.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses errors;

    public ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ToolException.class)
    ResponseEntity<Object> toolFailure(ToolException e, HttpServletRequest request) {
        log.info("Tool call failed with {} (reason {})", e.code(), e.reason());
        return errors.entity(request, e.code(), e.getMessage(), e.details());
    }

    @ExceptionHandler(ServiceException.class)
    ResponseEntity<Object> serviceFailure(ServiceException e, HttpServletRequest request) {
        log.info("Request failed with {}", e.code());
        return errors.entity(request, e.code(), e.getMessage(), e.details());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadableBody(
            HttpMessageNotReadableException e, HttpServletRequest request) {
        // The parser's message can quote the body, so only its type reaches the log.
        log.info(
                "Rejected an unreadable request body ({})",
                e.getMostSpecificCause().getClass().getSimpleName());
        return errors.entity(
                request,
                ErrorCode.INVALID_ARGUMENT,
                "The request body is missing or is not valid JSON.",
                List.of(new ErrorDetail("body", "must be a JSON object")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedMediaType(
            HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return errors.entity(
                request,
                ErrorCode.INVALID_ARGUMENT,
                "The request body must be JSON sent as Content-Type application/json.",
                List.of(new ErrorDetail("Content-Type", "expected application/json")));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return errors.entity(
                request,
                ErrorCode.INVALID_ARGUMENT,
                "The service answers only application/json.",
                List.of(new ErrorDetail("Accept", "must allow application/json")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        return errors.entity(
                request,
                ErrorCode.INVALID_ARGUMENT,
                "A required query parameter is missing.",
                List.of(new ErrorDetail(e.getParameterName(), "required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> parameterTypeMismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected =
                e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return errors.entity(
                request,
                ErrorCode.INVALID_ARGUMENT,
                "A path or query parameter has the wrong type.",
                List.of(new ErrorDetail(e.getName(), "must be of type " + expected)));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Object> unknownRoute(Exception e, HttpServletRequest request) {
        return errors.entity(
                request, ErrorCode.NOT_FOUND, "No route matches the request path.", List.of());
    }

    /**
     * Handles a known path requested with a method it does not serve. The platform's code set has
     * no 405 code, so the route counts as unknown.
     */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> unsupportedMethod(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return errors.entity(
                request,
                ErrorCode.NOT_FOUND,
                "No route matches the request method and path.",
                List.of(new ErrorDetail("method", "not served on this path: " + e.getMethod())));
    }

    /** Reports a tool whose database work ran past its deadline. */
    @ExceptionHandler(TransactionTimedOutException.class)
    ResponseEntity<Object> deadlineExceeded(
            TransactionTimedOutException e, HttpServletRequest request) {
        log.warn("Tool call ran past its deadline", e);
        return errors.entity(
                request,
                ErrorCode.DEADLINE_EXCEEDED,
                "The operation did not finish within its deadline; retry later.",
                List.of());
    }

    /**
     * Reports the service's own database as unavailable: no connection, no transaction, or a
     * transient failure. The request is rejected, never processed without its checks.
     */
    @ExceptionHandler({
        CannotCreateTransactionException.class,
        TransactionSystemException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class
    })
    ResponseEntity<Object> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("Rejected a request because the database is unavailable", e);
        return errors.entity(
                request,
                ErrorCode.UNAVAILABLE,
                "A dependency of the service is unavailable; retry later.",
                List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Request failed with an unexpected error", e);
        return errors.entity(
                request,
                ErrorCode.INTERNAL,
                "The service failed to process the request.",
                List.of());
    }
}
