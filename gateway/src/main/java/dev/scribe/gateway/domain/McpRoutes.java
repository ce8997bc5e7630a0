package dev.scribe.gateway.domain;

import java.util.Map;
import org.springframework.cloud.gateway.route.Route;

/** Paths, headers and route metadata of the public MCP endpoints ({@code /mcp/<service>}). */
public final class McpRoutes {

    /** Public path prefix of the MCP endpoints; the service id follows it. */
    public static final String PATH_PREFIX = "/mcp/";

    /** Path of the MCP endpoint on every service, to which the gateway rewrites the public path. */
    public static final String UPSTREAM_PATH = "/mcp";

    /**
     * Path prefix of the OAuth protected-resource metadata (RFC 9728) of the MCP endpoints. RFC
     * 9728 section 3.1 builds it by inserting {@code /.well-known/oauth-protected-resource} before
     * the resource's path.
     */
    public static final String METADATA_PATH_PREFIX = "/.well-known/oauth-protected-resource/mcp/";

    /** Header of the MCP Streamable HTTP transport that carries the session id. */
    public static final String SESSION_HEADER = "Mcp-Session-Id";

    /** Route metadata key whose value is the service id on MCP routes; other routes lack it. */
    public static final String METADATA_KEY = "platform-mcp-service";

    private McpRoutes() {}

    /** Returns the route id of a service's MCP route. */
    public static String routeId(String service) {
        return "mcp-" + service;
    }

    /** Returns the service of an MCP route, or {@code null} for any other route. */
    public static String serviceOf(Route route) {
        if (route == null) {
            return null;
        }
        Map<String, Object> metadata = route.getMetadata();
        return metadata.get(METADATA_KEY) instanceof String service ? service : null;
    }
}
