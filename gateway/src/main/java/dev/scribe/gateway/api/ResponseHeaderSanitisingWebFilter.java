package dev.scribe.gateway.api;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes {@code Server}, {@code X-Powered-By} and every {@code X-Internal-*} header from
 * responses, and adds {@code X-Content-Type-Options: nosniff} and {@code
 * Strict-Transport-Security}.
 *
 * <p>Order: right after the correlation id. It works on the response just before it is committed,
 * after the upstream headers have been copied in, so it covers forwarded responses and the
 * gateway's own errors alike.
 */
@Component
public class ResponseHeaderSanitisingWebFilter implements WebFilter, Ordered {

    public static final int ORDER = CorrelationIdWebFilter.ORDER + 1;

    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private static final List<String> REMOVED = List.of("server", "x-powered-by");

    private static final String INTERNAL_PREFIX = "x-internal-";

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse()
                .beforeCommit(
                        () -> {
                            sanitise(exchange.getResponse().getHeaders());
                            return Mono.empty();
                        });
        return chain.filter(exchange);
    }

    private static void sanitise(HttpHeaders headers) {
        List<String> unwanted =
                headers.headerNames().stream()
                        .filter(
                                name -> {
                                    String lower = name.toLowerCase(Locale.ROOT);
                                    return REMOVED.contains(lower)
                                            || lower.startsWith(INTERNAL_PREFIX);
                                })
                        .toList();
        unwanted.forEach(headers::remove);

        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
}
