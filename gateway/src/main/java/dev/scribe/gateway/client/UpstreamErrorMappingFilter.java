package dev.scribe.gateway.client;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.scribe.gateway.api.CorrelationIdWebFilter;
import dev.scribe.gateway.api.InboundHeaderSanitisingFilter;
import dev.scribe.gateway.config.GatewayProperties;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.platform.web.ErrorBody;
import dev.scribe.platform.web.ErrorCode;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps upstream failures to platform errors:
 *
 * <ul>
 *   <li>a response timeout to 504 {@code UPSTREAM_TIMEOUT};
 *   <li>no instance or a refused connection to 503 {@code UPSTREAM_UNAVAILABLE};
 *   <li>a connection closed before the response, and a 5xx response whose body is not a platform
 *       error body, to 502 {@code UPSTREAM_ERROR}.
 * </ul>
 *
 * <p>A platform error body passes through unchanged, whatever its status.
 *
 * <p>Order: after header sanitising and before the load balancer and the routing filter, whose
 * exceptions it maps. It must also run before {@link NettyWriteResponseFilter} (order -1), because
 * that filter writes the upstream body through the response that this filter wraps.
 */
@Component
public class UpstreamErrorMappingFilter implements GlobalFilter, Ordered {

    public static final int ORDER = InboundHeaderSanitisingFilter.ORDER + 100;

    private static final Logger log = LoggerFactory.getLogger(UpstreamErrorMappingFilter.class);

    private final UpstreamErrorBodies errorBodies;
    private final JsonMapper jsonMapper;
    private final int maxInspectedBytes;

    public UpstreamErrorMappingFilter(
            UpstreamErrorBodies errorBodies, JsonMapper jsonMapper, GatewayProperties properties) {
        this.errorBodies = errorBodies;
        this.jsonMapper = jsonMapper;
        this.maxInspectedBytes = properties.maxInspectedErrorBodyBytes();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpResponse inspecting = new ServerErrorInspectingResponse(exchange);
        return chain.filter(exchange.mutate().response(inspecting).build())
                .onErrorMap(error -> toPlatformError(exchange, error));
    }

    private Throwable toPlatformError(ServerWebExchange exchange, Throwable error) {
        if (error instanceof PlatformErrorException) {
            return error;
        }
        String service = serviceOf(exchange);

        if (error instanceof NotFoundException) {
            logFailure(exchange, "no instance of the service is available", error);
            return new PlatformErrorException(
                    ErrorCode.UPSTREAM_UNAVAILABLE,
                    "Service " + service + " is unavailable; retry later.",
                    List.of(),
                    Map.of(),
                    error);
        }
        if (error instanceof ResponseStatusException statusError
                && statusError.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()
                && hasCause(error, TimeoutException.class)) {
            logFailure(exchange, "the upstream did not respond within the route timeout", error);
            return new PlatformErrorException(
                    ErrorCode.UPSTREAM_TIMEOUT,
                    "Service " + service + " did not respond in time; retry later.",
                    List.of(),
                    Map.of(),
                    error);
        }
        if (hasCause(error, ConnectException.class)) {
            logFailure(exchange, "the connection to the upstream failed", error);
            return new PlatformErrorException(
                    ErrorCode.UPSTREAM_UNAVAILABLE,
                    "Service " + service + " is unavailable; retry later.",
                    List.of(),
                    Map.of(),
                    error);
        }
        if (hasCause(error, PrematureCloseException.class)) {
            logFailure(exchange, "the upstream closed the connection before responding", error);
            return new PlatformErrorException(
                    ErrorCode.UPSTREAM_ERROR,
                    "Service " + service + " failed to respond; retry later.",
                    List.of(),
                    Map.of(),
                    error);
        }
        return error;
    }

    private static void logFailure(ServerWebExchange exchange, String reason, Throwable error) {
        log.atWarn()
                .addKeyValue("correlationId", CorrelationIdWebFilter.correlationId(exchange))
                .addKeyValue("route", routeId(exchange))
                .addKeyValue("error", error.getClass().getSimpleName())
                .log("Upstream call failed: {}", reason);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
            if (current.getCause() == current) {
                return false;
            }
        }
        return false;
    }

    private static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route != null ? route.getUri().getHost() : "unknown";
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "none";
    }

    /**
     * A response that reads a 5xx body before writing it: a platform error body is written
     * unchanged, anything else is replaced by a 502 {@code UPSTREAM_ERROR} body. Other statuses
     * stream through untouched.
     */
    private final class ServerErrorInspectingResponse extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;

        ServerErrorInspectingResponse(ServerWebExchange exchange) {
            super(exchange.getResponse());
            this.exchange = exchange;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatusCode status = getStatusCode();
            if (status == null || !status.is5xxServerError()) {
                return super.writeWith(body);
            }

            // An empty Optional stands for a body above the inspection limit.
            return DataBufferUtils.join(Flux.from(body), maxInspectedBytes)
                    .map(UpstreamErrorMappingFilter::toBytes)
                    .defaultIfEmpty(new byte[0])
                    .map(Optional::of)
                    .onErrorResume(
                            DataBufferLimitException.class, tooLarge -> Mono.just(Optional.empty()))
                    .flatMap(
                            bytes ->
                                    bytes.isPresent() && errorBodies.isConforming(bytes.get())
                                            ? super.writeWith(
                                                    Mono.just(bufferFactory().wrap(bytes.get())))
                                            : writeReplacement(status));
        }

        @Override
        public Mono<Void> writeAndFlushWith(
                Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).concatMap(Flux::from));
        }

        private Mono<Void> writeReplacement(HttpStatusCode upstreamStatus) {
            String correlationId = CorrelationIdWebFilter.correlationId(exchange);
            log.atWarn()
                    .addKeyValue("correlationId", correlationId)
                    .addKeyValue("route", routeId(exchange))
                    .addKeyValue("upstreamStatus", upstreamStatus.value())
                    .log("Upstream returned a server error without a platform error body");

            ErrorBody body =
                    ErrorBody.of(
                            ErrorCode.UPSTREAM_ERROR,
                            "Service " + serviceOf(exchange) + " failed; retry later.",
                            correlationId);
            byte[] json = jsonMapper.writeValueAsBytes(body);

            // The upstream headers describe the replaced body, so none of them stays.
            HttpHeaders headers = getHeaders();
            headers.clear();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.setContentLength(json.length);
            setStatusCode(HttpStatusCode.valueOf(ErrorCode.UPSTREAM_ERROR.httpStatus()));
            return super.writeWith(Mono.just(bufferFactory().wrap(json)));
        }
    }

    private static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
