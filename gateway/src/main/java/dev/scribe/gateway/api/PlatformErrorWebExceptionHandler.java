package dev.scribe.gateway.api;

import dev.scribe.gateway.config.GatewayProperties;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.platform.web.ErrorBody;
import dev.scribe.platform.web.ErrorCode;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error of the public port as a platform error body with the correlation id. It runs
 * before Spring Boot's default handler, which would write its own JSON shape.
 */
@Component
@Order(-2)
public class PlatformErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log =
            LoggerFactory.getLogger(PlatformErrorWebExceptionHandler.class);

    private final JsonMapper jsonMapper;
    private final int retryAfterSeconds;

    public PlatformErrorWebExceptionHandler(
            JsonMapper jsonMapper, GatewayProperties gatewayProperties) {
        this.jsonMapper = jsonMapper;
        this.retryAfterSeconds = gatewayProperties.retryAfterSeconds();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        String correlationId = CorrelationIdWebFilter.correlationId(exchange);
        if (response.isCommitted()) {
            log.atWarn()
                    .addKeyValue("correlationId", correlationId)
                    .setCause(error)
                    .log("Request failed after the response was committed; closing it");
            return Mono.error(error);
        }

        PlatformErrorException platformError = toPlatformError(error, correlationId);
        ErrorCode code = platformError.code();
        ErrorBody body =
                ErrorBody.of(
                        code, platformError.getMessage(), correlationId, platformError.details());

        HttpHeaders headers = response.getHeaders();
        headers.clear();
        headers.setContentType(MediaType.APPLICATION_JSON);
        platformError.headers().forEach(headers::set);
        // An error that names its own Retry-After (the tier router's AR-12) keeps it.
        if (code.requiresRetryAfter() && !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        }
        response.setStatusCode(HttpStatusCode.valueOf(code.httpStatus()));

        byte[] json = jsonMapper.writeValueAsBytes(body);
        headers.setContentLength(json.length);
        DataBuffer buffer = response.bufferFactory().wrap(json);
        return response.writeWith(Mono.just(buffer));
    }

    /** Maps framework exceptions that reach this handler to the platform error they stand for. */
    private static PlatformErrorException toPlatformError(Throwable error, String correlationId) {
        if (error instanceof PlatformErrorException platformError) {
            return platformError;
        }
        if (error instanceof ResponseStatusException statusError) {
            HttpStatusCode status = statusError.getStatusCode();
            if (status.value() == HttpStatus.NOT_FOUND.value()) {
                return new PlatformErrorException(
                        ErrorCode.ROUTE_NOT_FOUND, "No route serves this path.");
            }
            if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return new PlatformErrorException(
                        ErrorCode.UPSTREAM_TIMEOUT,
                        "The upstream service did not respond in time; retry later.");
            }
            if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                return new PlatformErrorException(
                        ErrorCode.UPSTREAM_UNAVAILABLE,
                        "The upstream service is unavailable; retry later.");
            }
            if (status.value() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
                return new PlatformErrorException(
                        ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.");
            }
            if (status.is4xxClientError()) {
                log.atInfo()
                        .addKeyValue("correlationId", correlationId)
                        .addKeyValue("status", status.value())
                        .log("Rejected a malformed request");
                return new PlatformErrorException(
                        ErrorCode.INVALID_ARGUMENT, "The request is malformed.");
            }
        }
        log.atError()
                .addKeyValue("correlationId", correlationId)
                .setCause(error)
                .log("Request failed inside the gateway");
        return new PlatformErrorException(
                ErrorCode.INTERNAL,
                "The gateway failed to handle the request; retry later.",
                List.of(),
                Map.of(),
                error);
    }
}
