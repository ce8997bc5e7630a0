package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.platform.web.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page: failures that never reached a controller (an exception in a filter, a
 * request that Tomcat itself rejected) still get the platform error body.
 */
@RestController
public class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    private final ErrorResponses errors;

    public ErrorPageController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request, HttpServletResponse response) {
        // The error dispatch may run without the correlation filter, so the header is set here.
        response.setHeader(CorrelationIds.HEADER, RequestAttributes.correlationId(request));

        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int httpStatus = status instanceof Integer value ? value : 500;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable throwable) {
            log.error("Request failed outside the controllers", throwable);
        }

        ErrorCode code =
                switch (httpStatus) {
                    case 400 -> ErrorCode.INVALID_ARGUMENT;
                    case 401 -> ErrorCode.UNAUTHENTICATED;
                    case 404, 405 -> ErrorCode.NOT_FOUND;
                    case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                    case 503 -> ErrorCode.UNAVAILABLE;
                    default -> ErrorCode.INTERNAL;
                };
        String message =
                switch (code) {
                    case INVALID_ARGUMENT -> "The request is malformed.";
                    case UNAUTHENTICATED -> UserAssertionFilter.MESSAGE;
                    case NOT_FOUND -> "No route matches the request path.";
                    case PAYLOAD_TOO_LARGE -> "The request body exceeds the limit of 1 MiB.";
                    case UNAVAILABLE -> "The service is unavailable; retry later.";
                    default -> "The service failed to process the request.";
                };
        return errors.entity(request, code, message, List.of());
    }
}
