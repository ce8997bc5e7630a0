package dev.scribe.gateway.client;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.scribe.gateway.api.CorrelationIdWebFilter;
import dev.scribe.gateway.config.GatewayProperties;
import dev.scribe.gateway.domain.ExchangeAttributes;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Retries a request on another instance when the connection to the chosen instance fails (refused
 * or connect timeout). The request has not been sent at that point, so the retry is safe for every
 * method, POST included. Failures after the connection was made (a response timeout, a closed
 * connection, a 5xx) are never retried, because the upstream may have applied the request.
 *
 * <p>Each failed instance is recorded in {@link ExchangeAttributes#FAILED_INSTANCES}, which {@link
 * UntriedInstanceListSupplier} uses to leave it out of the next choice. A retry starts only before
 * the route's deadline (request start plus the route timeout).
 *
 * <p>Order: just before the load balancer, so that every attempt chooses an instance anew.
 */
@Component
public class ConnectFailureRetryFilter implements GlobalFilter, Ordered {

    public static final int ORDER =
            ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER - 1;

    private static final Logger log = LoggerFactory.getLogger(ConnectFailureRetryFilter.class);

    private final int maxRetries;
    private final Clock clock;
    private final RefusedInstances refused;

    public ConnectFailureRetryFilter(
            GatewayProperties properties, RefusedInstances refused, Clock clock) {
        this.maxRetries = properties.connectRetries();
        this.refused = refused;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI requestUrl = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        if (requestUrl == null || !"lb".equals(requestUrl.getScheme())) {
            return chain.filter(exchange);
        }

        // A route without a timeout bounds the retries by their count only.
        long timeoutMs = routeTimeoutMs(exchange);
        Instant deadline = timeoutMs > 0 ? clock.instant().plusMillis(timeoutMs) : Instant.MAX;
        return attempt(exchange, chain, requestUrl, deadline, 0);
    }

    private Mono<Void> attempt(
            ServerWebExchange exchange,
            GatewayFilterChain chain,
            URI requestUrl,
            Instant deadline,
            int retry) {
        return Mono.defer(() -> chain.filter(exchange))
                .onErrorResume(
                        error -> isRetryable(exchange, error, retry, deadline),
                        error -> {
                            String failed = recordFailedInstance(exchange);
                            if (!"unknown".equals(failed)) {
                                refused.refused(failed);
                            }
                            log.atInfo()
                                    .addKeyValue(
                                            "correlationId",
                                            CorrelationIdWebFilter.correlationId(exchange))
                                    .addKeyValue("route", routeId(exchange))
                                    .addKeyValue("instance", failed)
                                    .addKeyValue("error", error.getClass().getSimpleName())
                                    .log(
                                            "Connection to upstream instance failed; retry {} of"
                                                    + " {} on another instance",
                                            retry + 1,
                                            maxRetries);

                            // The load balancer replaced the lb:// URL with the instance's
                            // address, and the routing filter marked the exchange as routed.
                            // Both are undone so that the next attempt chooses and routes anew.
                            exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, requestUrl);
                            exchange.getAttributes().remove(GATEWAY_LOADBALANCER_RESPONSE_ATTR);
                            ServerWebExchangeUtils.removeAlreadyRouted(exchange);
                            return attempt(exchange, chain, requestUrl, deadline, retry + 1);
                        });
    }

    private boolean isRetryable(
            ServerWebExchange exchange, Throwable error, int retry, Instant deadline) {
        return retry < maxRetries
                && isConnectFailure(error)
                && !exchange.getResponse().isCommitted()
                && clock.instant().isBefore(deadline);
    }

    /**
     * Checks whether the connection could not be opened. Netty's connect timeout is a subclass of
     * {@link ConnectException}, so both refused and timed-out connections count.
     */
    private static boolean isConnectFailure(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof ConnectException) {
                return true;
            }
            if (current.getCause() == current) {
                return false;
            }
        }
        return false;
    }

    private static String recordFailedInstance(ServerWebExchange exchange) {
        Response<ServiceInstance> chosen =
                exchange.getAttribute(GATEWAY_LOADBALANCER_RESPONSE_ATTR);
        if (chosen == null || !chosen.hasServer()) {
            return "unknown";
        }

        String address = UntriedInstanceListSupplier.address(chosen.getServer());
        Set<String> failed =
                exchange.getAttributes().containsKey(ExchangeAttributes.FAILED_INSTANCES)
                        ? exchange.getAttribute(ExchangeAttributes.FAILED_INSTANCES)
                        : new HashSet<>();
        failed.add(address);
        exchange.getAttributes().put(ExchangeAttributes.FAILED_INSTANCES, failed);
        return address;
    }

    private static long routeTimeoutMs(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Object timeout = route != null ? route.getMetadata().get(RESPONSE_TIMEOUT_ATTR) : null;
        return timeout instanceof Number number ? number.longValue() : 0;
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "none";
    }
}
