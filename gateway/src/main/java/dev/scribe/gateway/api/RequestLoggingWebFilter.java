package dev.scribe.gateway.api;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Writes one log line per request when its response is committed: method, route id, status, time to
 * the response headers and correlation id. The raw path is left out because paths carry user and
 * document ids.
 *
 * <p>Order: after the correlation id filter, so the id is known. The line is written at commit time
 * because the gateway's error responses are written by the exception handler, after all web filters
 * have finished.
 */
@Component
public class RequestLoggingWebFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RequestLoggingWebFilter.class);

    private final ApplicationContext publicContext;

    public RequestLoggingWebFilter(ApplicationContext publicContext) {
        this.publicContext = publicContext;
    }

    @Override
    public int getOrder() {
        return ResponseHeaderSanitisingWebFilter.ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getApplicationContext() != publicContext) {
            return chain.filter(exchange);
        }

        long startNanos = System.nanoTime();
        exchange.getResponse()
                .beforeCommit(
                        () -> {
                            logCompletion(exchange, startNanos);
                            return Mono.empty();
                        });
        return chain.filter(exchange);
    }

    private static void logCompletion(ServerWebExchange exchange, long startNanos) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long durationMs = (System.nanoTime() - startNanos) / 1_000_000;

        log.atInfo()
                .addKeyValue("correlationId", CorrelationIdWebFilter.correlationId(exchange))
                .addKeyValue("method", exchange.getRequest().getMethod().name())
                .addKeyValue("route", route != null ? route.getId() : "none")
                .addKeyValue("status", status != null ? status.value() : 0)
                .addKeyValue("durationMs", durationMs)
                .log("Request completed");
    }
}
