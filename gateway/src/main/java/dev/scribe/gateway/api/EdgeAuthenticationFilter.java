package dev.scribe.gateway.api;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.scribe.gateway.domain.ExchangeAttributes;
import dev.scribe.gateway.domain.RouteAccess;
import dev.scribe.gateway.service.EdgeAuthenticator;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Verifies the bearer access token before anything is forwarded. A failed check ends the exchange
 * with 401 {@code UNAUTHENTICATED} (or 403 {@code FORBIDDEN} for a role the route does not allow),
 * and the upstream is never contacted.
 *
 * <p>Order: first route filter. Every later filter may rely on a verified caller, and a request
 * without one costs no more than the signature check.
 */
@Component
public class EdgeAuthenticationFilter implements GlobalFilter, Ordered {

    public static final int ORDER = -400;

    private final EdgeAuthenticator authenticator;

    public EdgeAuthenticationFilter(EdgeAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        RouteAccess access =
                RouteAccess.parse((String) route.getMetadata().get(RouteAccess.METADATA_KEY));
        if (!access.authenticated()) {
            return chain.filter(exchange);
        }

        return authenticator
                .authenticate(
                        exchange.getRequest().getHeaders().get(HttpHeaders.AUTHORIZATION),
                        access,
                        CorrelationIdWebFilter.correlationId(exchange))
                .flatMap(
                        claims -> {
                            exchange.getAttributes().put(ExchangeAttributes.USER_CLAIMS, claims);
                            return chain.filter(exchange);
                        });
    }
}
