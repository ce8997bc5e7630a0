package dev.scribe.gateway.api;

import dev.scribe.gateway.config.GatewayProperties;
import dev.scribe.gateway.config.McpProperties;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.platform.web.ErrorCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves the OAuth 2.0 protected-resource metadata (RFC 9728) of each public MCP endpoint, without
 * authentication. MCP clients fetch it after a 401 to learn which authorization server issues
 * tokens for the endpoint.
 */
public class ProtectedResourceMetadataHandler {

    /** Lifetime that clients and proxies may cache the document for, in seconds. */
    static final long MAX_AGE_SECONDS = 300;

    private final Set<String> mcpServices;
    private final McpProperties mcp;

    public ProtectedResourceMetadataHandler(GatewayProperties gateway, McpProperties mcp) {
        this.mcpServices = Set.copyOf(gateway.mcpServices());
        this.mcp = mcp;
    }

    /** Returns the metadata of {@code /mcp/{service}}, or 404 for a service without MCP route. */
    public Mono<ServerResponse> metadata(ServerRequest request) {
        String service = request.pathVariable("service");
        if (!mcpServices.contains(service)) {
            return Mono.error(
                    new PlatformErrorException(
                            ErrorCode.ROUTE_NOT_FOUND,
                            "No MCP endpoint is served for this service."));
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("resource", mcp.resourceUrl(service));
        document.put("authorization_servers", List.of(mcp.authorizationServerUrl()));
        document.put("bearer_methods_supported", List.of("header"));
        document.put("scopes_supported", mcp.scopesSupported());
        document.put("resource_name", "Scribe Platform " + service + " MCP server");

        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(
                        CacheControl.maxAge(Duration.ofSeconds(MAX_AGE_SECONDS)).cachePublic())
                .bodyValue(document);
    }
}
