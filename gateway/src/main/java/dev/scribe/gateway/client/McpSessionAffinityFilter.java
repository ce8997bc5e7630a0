package dev.scribe.gateway.client;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.scribe.gateway.api.CorrelationIdWebFilter;
import dev.scribe.gateway.domain.ExchangeAttributes;
import dev.scribe.gateway.domain.McpRoutes;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.service.McpSessionRegistry;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends every request of an MCP session to the instance that issued the session, because the MCP
 * server keeps session state in memory.
 *
 * <ul>
 *   <li>When an upstream 2xx response carries {@code Mcp-Session-Id}, the filter stores the session
 *       and the instance that answered in {@link McpSessionRegistry}.
 *   <li>A request whose {@code Mcp-Session-Id} is stored is pinned to that instance through {@link
 *       ExchangeAttributes#MCP_SESSION_INSTANCE}, which {@link McpSessionInstanceListSupplier}
 *       reads. When that instance has left the discovery list or refuses connections, the client
 *       gets 404 {@code NOT_FOUND}, which the MCP transport defines as "start a new session".
 *   <li>A session id that this gateway did not store goes to any instance, which answers as the MCP
 *       server does for unknown sessions.
 *   <li>A successful {@code DELETE} of a session, and an upstream 404 for a session, drop the
 *       stored session.
 * </ul>
 *
 * <p>Order: inside the error mapping, which would turn a missing instance into 503, and before the
 * connect retry and the load balancer, which read the pinned instance.
 */
@Component
public class McpSessionAffinityFilter implements GlobalFilter, Ordered {

    public static final int ORDER = UpstreamErrorMappingFilter.ORDER + 50;

    private static final Logger log = LoggerFactory.getLogger(McpSessionAffinityFilter.class);

    private final McpSessionRegistry sessions;

    public McpSessionAffinityFilter(McpSessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String service = McpRoutes.serviceOf(route);
        if (service == null) {
            return chain.filter(exchange);
        }

        String sessionId = exchange.getRequest().getHeaders().getFirst(McpRoutes.SESSION_HEADER);
        Optional<String> pinned =
                sessionId == null ? Optional.empty() : sessions.instanceOf(service, sessionId);
        pinned.ifPresent(
                instance ->
                        exchange.getAttributes()
                                .put(ExchangeAttributes.MCP_SESSION_INSTANCE, instance));

        exchange.getResponse()
                .beforeCommit(
                        () -> {
                            recordOutcome(exchange, service, sessionId);
                            return Mono.empty();
                        });

        if (pinned.isEmpty()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .onErrorMap(
                        McpSessionAffinityFilter::isInstanceGone,
                        error ->
                                sessionGone(
                                        exchange, route, service, sessionId, pinned.get(), error));
    }

    /** Stores a session that the upstream issued and drops one that has ended. */
    private void recordOutcome(ServerWebExchange exchange, String service, String sessionId) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status == null) {
            return;
        }

        String issued = exchange.getResponse().getHeaders().getFirst(McpRoutes.SESSION_HEADER);
        String instance = chosenInstance(exchange);
        if (status.is2xxSuccessful() && issued != null && instance != null) {
            sessions.remember(service, issued, instance);
        }

        if (sessionId == null) {
            return;
        }
        boolean deleted =
                HttpMethod.DELETE.equals(exchange.getRequest().getMethod())
                        && status.is2xxSuccessful();
        if (deleted || status.value() == 404) {
            sessions.forget(service, sessionId);
        }
    }

    private PlatformErrorException sessionGone(
            ServerWebExchange exchange,
            Route route,
            String service,
            String sessionId,
            String instance,
            Throwable error) {
        sessions.forget(service, sessionId);
        log.atInfo()
                .addKeyValue("correlationId", CorrelationIdWebFilter.correlationId(exchange))
                .addKeyValue("route", route.getId())
                .addKeyValue("instance", instance)
                .addKeyValue("error", error.getClass().getSimpleName())
                .log("The instance of an MCP session is gone; returning 404 to end the session");
        return new PlatformErrorException(
                ErrorCode.NOT_FOUND,
                "The MCP session has ended because the server instance that held it is gone:"
                        + " send a new initialize request without Mcp-Session-Id.",
                List.of(new ErrorDetail(McpRoutes.SESSION_HEADER, "session no longer exists")),
                Map.of(),
                error);
    }

    /**
     * Checks whether the pinned instance could not be reached: the load balancer found it no longer
     * listed (also after the connect retry left it out), or the connection to it failed.
     */
    private static boolean isInstanceGone(Throwable error) {
        if (error instanceof NotFoundException) {
            return true;
        }
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

    private static String chosenInstance(ServerWebExchange exchange) {
        Response<ServiceInstance> chosen =
                exchange.getAttribute(GATEWAY_LOADBALANCER_RESPONSE_ATTR);
        if (chosen == null || !chosen.hasServer()) {
            return null;
        }
        return UntriedInstanceListSupplier.address(chosen.getServer());
    }
}
