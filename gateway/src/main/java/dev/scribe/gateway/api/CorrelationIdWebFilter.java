package dev.scribe.gateway.api;

import dev.scribe.gateway.domain.ExchangeAttributes;
import dev.scribe.platform.web.CorrelationIds;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps a valid inbound {@code X-Correlation-ID} or replaces it with a new UUID, passes it
 * downstream and echoes it on the response.
 *
 * <p>Order: first of all filters. It is a web filter, not a route filter, so that requests without
 * a route (404), rejected requests (401, 413) and errors also carry the id. The header is set just
 * before the response is committed, which overrides any value an upstream sent.
 */
@Component
public class CorrelationIdWebFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String inbound = exchange.getRequest().getHeaders().getFirst(CorrelationIds.HEADER);
        String correlationId = CorrelationIds.keepOrGenerate(inbound);
        exchange.getAttributes().put(ExchangeAttributes.CORRELATION_ID, correlationId);

        exchange.getResponse()
                .beforeCommit(
                        () -> {
                            exchange.getResponse()
                                    .getHeaders()
                                    .set(CorrelationIds.HEADER, correlationId);
                            return Mono.empty();
                        });

        ServerHttpRequest request =
                exchange.getRequest()
                        .mutate()
                        .headers(headers -> headers.set(CorrelationIds.HEADER, correlationId))
                        .build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** Returns the correlation id that this filter stored on the exchange. */
    public static String correlationId(ServerWebExchange exchange) {
        String correlationId = exchange.getAttribute(ExchangeAttributes.CORRELATION_ID);
        return correlationId != null ? correlationId : CorrelationIds.keepOrGenerate(null);
    }
}
