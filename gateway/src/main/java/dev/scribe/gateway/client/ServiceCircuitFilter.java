package dev.scribe.gateway.client;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.scribe.gateway.api.TieredRouteFilter;
import dev.scribe.gateway.config.GatewayProperties.RouteProperties;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.QueueableRoutes;
import dev.scribe.platform.web.ErrorCode;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Puts every proxied request behind its route's service circuit (GW-2 {@code circuit}, CB-1): an
 * open circuit answers 503 {@code CIRCUIT_OPEN} with {@code Retry-After} without contacting the
 * upstream (GW-12). It runs inside {@link UpstreamErrorMappingFilter}, so it sees the upstream's
 * status and the raw transport errors.
 *
 * <p>Failures (CB-7): connection failures, timeouts, no instance, 5xx and 429. Every other status
 * is a success. A 2xx body is streamed and never parsed here, so a malformed 2xx counts as a
 * success on this path; the tier router checks bodies on its own path.
 *
 * <p>A queueable write is never short-circuited here: while the circuit is open it goes on to
 * {@link dev.scribe.gateway.api.WriteQueueFilter}, which sees the open circuit and queues it
 * instead of answering 503.
 */
public class ServiceCircuitFilter implements GlobalFilter, Ordered {

    public static final int ORDER = TieredRouteFilter.ORDER + 10;

    private final CircuitBreakers breakers;
    private final QueueableRoutes queueableRoutes;
    private final Clock clock;

    public ServiceCircuitFilter(
            CircuitBreakers breakers, QueueableRoutes queueableRoutes, Clock clock) {
        this.breakers = breakers;
        this.queueableRoutes = queueableRoutes;
        this.clock = clock;
    }

    private boolean isQueueable(ServerWebExchange exchange, Route route) {
        return queueableRoutes
                .match(
                        route.getId(),
                        exchange.getRequest().getMethod().name(),
                        exchange.getRequest().getPath().value())
                .isPresent();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        Object name = route.getMetadata().get(RouteProperties.CIRCUIT_METADATA);
        if (!(name instanceof String circuitName)) {
            return chain.filter(exchange);
        }

        CircuitBreakers.Circuit circuit = breakers.circuit(circuitName);
        if (!circuit.tryAcquire()) {
            if (isQueueable(exchange, route)) {
                return chain.filter(exchange);
            }
            return Mono.error(circuitOpen(circuit));
        }

        long started = System.nanoTime();
        AtomicBoolean recorded = new AtomicBoolean();
        // Record when the status is committed, before the client can see the response, so the
        // circuit is up to date for the client's next request.
        exchange.getResponse()
                .beforeCommit(
                        () -> {
                            if (recorded.compareAndSet(false, true)) {
                                recordStatus(circuit, exchange, elapsed(started));
                            }
                            return Mono.empty();
                        });
        return chain.filter(exchange)
                .doOnError(
                        error -> {
                            if (recorded.compareAndSet(false, true)) {
                                recordError(circuit, error, elapsed(started));
                            }
                        })
                .doFinally(
                        signal -> {
                            if (!recorded.compareAndSet(false, true)) {
                                return;
                            }
                            if (signal == SignalType.CANCEL) {
                                // CB-7: a caller that went away is neither success nor failure.
                                circuit.onIgnored();
                                return;
                            }
                            recordStatus(circuit, exchange, elapsed(started));
                        });
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void recordStatus(
            CircuitBreakers.Circuit circuit, ServerWebExchange exchange, Duration took) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status == null ? 200 : status.value();
        boolean tooMany = code == 429 && circuit.settings().countTooManyRequests();
        if (code >= 500 || tooMany) {
            circuit.onFailure(
                    took,
                    new RuntimeException("HTTP_" + code),
                    retryAfter(exchange.getResponse().getHeaders(), code));
        } else {
            circuit.onSuccess(took);
        }
    }

    private static void recordError(
            CircuitBreakers.Circuit circuit, Throwable error, Duration took) {
        if (isUpstreamFailure(error)) {
            circuit.onFailure(took, new RuntimeException(error.getClass().getSimpleName()), null);
        } else {
            // Errors raised by the gateway about the request itself, such as the body limit.
            circuit.onIgnored();
        }
    }

    static boolean isUpstreamFailure(Throwable error) {
        if (error instanceof NotFoundException) {
            return true;
        }
        if (error instanceof ResponseStatusException status
                && status.getStatusCode().is5xxServerError()) {
            return true;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || cause instanceof ConnectException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Duration retryAfter(HttpHeaders headers, int status) {
        if (status != 503 && status != 429) {
            return null;
        }
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    private PlatformErrorException circuitOpen(CircuitBreakers.Circuit circuit) {
        Instant next = circuit.nextAttemptAt();
        long seconds =
                next == null
                        ? 30
                        : (Duration.between(clock.instant(), next).toMillis() + 999) / 1000;
        String retryAfter = Long.toString(Math.max(1, Math.min(300, seconds)));
        return new PlatformErrorException(
                ErrorCode.CIRCUIT_OPEN,
                "The service is failing and calls to it are paused; retry later.",
                List.of(),
                Map.of(HttpHeaders.RETRY_AFTER, retryAfter),
                null);
    }
}
