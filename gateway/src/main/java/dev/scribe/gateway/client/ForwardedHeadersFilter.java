package dev.scribe.gateway.client;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sets {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} on the
 * forwarded request from what the gateway itself saw. Inbound values were removed before, because
 * no trusted proxy is configured.
 *
 * <p>It is a header filter of the routing step, not a route filter, and runs last among them:
 * Spring Cloud Gateway's own header filters remove every {@code X-Forwarded-*} header when no
 * trusted proxy is set, and would also remove these.
 */
@Component
public class ForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders output = new HttpHeaders();
        output.putAll(input);

        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            output.set("X-Forwarded-For", remote.getAddress().getHostAddress());
        }
        output.set("X-Forwarded-Proto", exchange.getRequest().getURI().getScheme());
        String host = exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
        if (host != null) {
            output.set("X-Forwarded-Host", host);
        }
        return output;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
