package dev.scribe.gateway.api;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.scribe.gateway.config.CorsProperties;
import dev.scribe.gateway.config.McpProperties;
import dev.scribe.gateway.domain.McpRoutes;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Guards the public MCP endpoints ({@code /mcp/<service>}):
 *
 * <ul>
 *   <li>a request whose {@code Origin} is not in {@code platform.gateway.cors.allowed-origins} gets
 *       403 {@code FORBIDDEN}, which stops web pages of other origins (DNS rebinding included) from
 *       driving the MCP server. A request without {@code Origin} comes from a non-browser client
 *       and passes;
 *   <li>every 401 that the gateway writes on these routes names the protected-resource metadata in
 *       {@code WWW-Authenticate: Bearer resource_metadata="..."}, so that MCP clients can find the
 *       authorization server (RFC 9728 section 5.1).
 * </ul>
 *
 * <p>Order: before authentication, so that a forbidden origin is rejected whatever its token, and
 * so that the 401 of the authentication filter passes through this filter's error mapping.
 */
@Component
public class McpEdgeFilter implements GlobalFilter, Ordered {

    public static final int ORDER = EdgeAuthenticationFilter.ORDER - 100;

    private static final Logger log = LoggerFactory.getLogger(McpEdgeFilter.class);

    private final CorsProperties cors;
    private final McpProperties mcp;

    public McpEdgeFilter(CorsProperties cors, McpProperties mcp) {
        this.cors = cors;
        this.mcp = mcp;
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

        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (origin != null && !cors.allows(origin)) {
            // The origin is caller-supplied text, so only its length is logged.
            log.atInfo()
                    .addKeyValue("correlationId", CorrelationIdWebFilter.correlationId(exchange))
                    .addKeyValue("route", route.getId())
                    .addKeyValue("originLength", origin.length())
                    .log("Rejected an MCP request from an origin that is not allowed");
            return Mono.error(forbiddenOrigin());
        }

        String metadataUrl = mcp.resourceMetadataUrl(service);
        return chain.filter(exchange)
                .onErrorMap(
                        PlatformErrorException.class,
                        error -> withResourceMetadata(error, metadataUrl));
    }

    private static PlatformErrorException forbiddenOrigin() {
        return new PlatformErrorException(
                ErrorCode.FORBIDDEN,
                "The request origin may not call this MCP endpoint.",
                List.of(new ErrorDetail("Origin", "not in platform.gateway.cors.allowed-origins")),
                Map.of(),
                null);
    }

    /**
     * Adds {@code resource_metadata} to the {@code Bearer} challenge of a 401. Other errors pass
     * unchanged.
     */
    static PlatformErrorException withResourceMetadata(
            PlatformErrorException error, String metadataUrl) {
        if (error.code().httpStatus() != 401) {
            return error;
        }

        String challenge = error.headers().getOrDefault(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        String parameters =
                challenge.regionMatches(true, 0, "Bearer", 0, 6)
                        ? challenge.substring(6).trim()
                        : "";
        String resourceMetadata = "resource_metadata=\"" + metadataUrl + "\"";
        String extended =
                parameters.isEmpty()
                        ? "Bearer " + resourceMetadata
                        : "Bearer " + resourceMetadata + ", " + parameters;

        Map<String, String> headers = new HashMap<>(error.headers());
        headers.put(HttpHeaders.WWW_AUTHENTICATE, extended);
        return new PlatformErrorException(
                error.code(), error.getMessage(), error.details(), headers, error.getCause());
    }
}
