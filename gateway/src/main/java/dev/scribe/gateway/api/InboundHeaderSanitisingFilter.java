package dev.scribe.gateway.api;

import dev.scribe.gateway.domain.ExchangeAttributes;
import dev.scribe.gateway.service.UserAssertionCache;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.CorrelationIds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Removes every inbound header through which a client could pose as someone else or as an internal
 * party, then adds the user assertion that the gateway signs for the verified caller.
 *
 * <p>Removed headers:
 *
 * <ul>
 *   <li>hop-by-hop headers and the headers named in {@code Connection};
 *   <li>{@code X-User-*} (which covers {@code X-User-Assertion}), {@code X-Internal-*}, {@code
 *       X-Accepted-At}, {@code X-Replayed} and {@code X-Request-Deadline};
 *   <li>{@code Forwarded} and {@code X-Forwarded-*}, because no trusted proxy is configured;
 *   <li>{@code Cookie};
 *   <li>the user's {@code Authorization}, because services learn the caller only from the
 *       assertion. {@code ServiceTokenRelayFilter} then sets the gateway's own service token.
 * </ul>
 *
 * <p>The {@code X-Forwarded-*} headers that the upstream receives are set by {@code
 * ForwardedHeadersFilter}.
 *
 * <p>{@code Accept-Encoding} is removed as well: the gateway compresses responses for the client
 * itself, and plain upstream bodies let it read 5xx bodies to tell platform error bodies apart.
 *
 * <p>The assertion of identical claims is reused for up to 60 seconds (see {@link
 * UserAssertionCache}), because signing one per request cost a large share of the CPU time.
 *
 * <p>Order: after authentication and the body limit, so only accepted requests get an assertion,
 * and before error mapping and the load balancer, which forward the request as this filter leaves
 * it.
 */
@Component
public class InboundHeaderSanitisingFilter implements GlobalFilter, Ordered {

    public static final int ORDER = BodySizeLimitFilter.ORDER + 100;

    private static final Set<String> HOP_BY_HOP =
            Set.of(
                    "connection",
                    "keep-alive",
                    "proxy-authenticate",
                    "proxy-authorization",
                    "proxy-connection",
                    "te",
                    "trailer",
                    "transfer-encoding",
                    "upgrade");

    private static final Set<String> EXACT_REMOVALS =
            Set.of(
                    "x-accepted-at",
                    "x-replayed",
                    "x-request-deadline",
                    "forwarded",
                    "cookie",
                    "authorization",
                    "accept-encoding");

    private static final List<String> PREFIX_REMOVALS =
            List.of("x-user-", "x-internal-", "x-forwarded-");

    /** The maximum number of distinct callers whose assertion is kept for reuse. */
    static final int MAX_CACHED_ASSERTIONS = 10_000;

    private final UserAssertionCache assertions;

    public InboundHeaderSanitisingFilter(TokenIssuer assertionIssuer, Clock clock) {
        this.assertions = new UserAssertionCache(assertionIssuer, clock, MAX_CACHED_ASSERTIONS);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        UserClaims claims = exchange.getAttribute(ExchangeAttributes.USER_CLAIMS);
        String correlationId = CorrelationIdWebFilter.correlationId(exchange);

        ServerHttpRequest request =
                exchange.getRequest()
                        .mutate()
                        .headers(
                                headers -> {
                                    removeUntrusted(headers);
                                    // A client may name the correlation header in Connection,
                                    // but the id still goes downstream unchanged.
                                    headers.set(CorrelationIds.HEADER, correlationId);
                                    if (claims != null) {
                                        headers.set(
                                                UserAssertions.HEADER,
                                                assertions.assertionFor(claims));
                                    }
                                })
                        .build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** Removes the untrusted headers from {@code headers} in place. */
    static void removeUntrusted(HttpHeaders headers) {
        Set<String> namedInConnection = namedInConnection(headers);

        List<String> unwanted = new ArrayList<>();
        for (String name : headers.headerNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower)
                    || EXACT_REMOVALS.contains(lower)
                    || namedInConnection.contains(lower)
                    || PREFIX_REMOVALS.stream().anyMatch(lower::startsWith)) {
                unwanted.add(name);
            }
        }
        unwanted.forEach(headers::remove);
    }

    private static Set<String> namedInConnection(HttpHeaders headers) {
        List<String> values = headers.get(HttpHeaders.CONNECTION);
        if (values == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (String value : values) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
