package dev.scribe.gateway.config;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import dev.scribe.gateway.client.ServiceTokenRelayFilter;
import dev.scribe.gateway.config.GatewayProperties.RouteProperties;
import dev.scribe.gateway.domain.McpRoutes;
import dev.scribe.gateway.domain.QueueablePattern;
import dev.scribe.gateway.domain.RouteAccess;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the gateway's routes from {@code platform.gateway.routes} and rejects a route table that
 * cannot be served unambiguously.
 *
 * <p>An entry with {@code mcp: true} adds a second route, {@code /mcp/<service>}, which forwards to
 * the service's {@code /mcp} with the entry's auth and timeout. Both kinds of route pass through
 * the same global filters (authentication, body limit, header sanitising, user assertion, error
 * mapping, retry), because those filters apply to every route.
 */
@Configuration(proxyBeanMethods = false)
public class RouteConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RouteConfiguration.class);

    /** Lower-case path segments after {@code /api}, without wildcards or a trailing slash. */
    private static final Pattern PATH_PREFIX = Pattern.compile("/api(/[a-z0-9][a-z0-9._-]*)+");

    private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private static final Pattern CIRCUIT_NAME =
            Pattern.compile("[a-z][a-z0-9-]*(:[A-Za-z0-9._-]+)?");

    @Bean
    RouteLocator platformRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        validate(properties);

        RouteLocatorBuilder.Builder routes = builder.routes();
        for (RouteProperties route : properties.routes()) {
            if (!route.enabled()) {
                log.info("Route {} is disabled; its paths get 404", route.id());
                continue;
            }
            routes.route(
                    route.id(),
                    spec ->
                            spec
                                    // The longest prefix wins, so longer prefixes are tried first.
                                    .order(-route.pathPrefix().length())
                                    .path(route.pathPrefix(), route.pathPrefix() + "/**")
                                    .metadata(RESPONSE_TIMEOUT_ATTR, route.timeoutMs())
                                    .metadata(CONNECT_TIMEOUT_ATTR, properties.connectTimeoutMs())
                                    .metadata(RouteAccess.METADATA_KEY, route.auth())
                                    .metadata(
                                            ServiceTokenRelayFilter.SERVICE_METADATA_KEY,
                                            route.service())
                                    .metadata(RouteProperties.TIERED_METADATA, route.tiered())
                                    .metadata(RouteProperties.RETRY_METADATA, route.retry())
                                    .metadata(
                                            RouteProperties.CIRCUIT_METADATA,
                                            route.effectiveCircuit())
                                    .uri("lb://" + route.service()));
            log.info(
                    "Route {} forwards {}/** to service {} (auth {}, timeout {} ms)",
                    route.id(),
                    route.pathPrefix(),
                    route.service(),
                    route.auth(),
                    route.timeoutMs());

            if (route.mcp()) {
                addMcpRoute(routes, route, properties);
            }
        }
        return routes.build();
    }

    private static void addMcpRoute(
            RouteLocatorBuilder.Builder routes,
            RouteProperties route,
            GatewayProperties properties) {
        String path = McpRoutes.PATH_PREFIX + route.service();
        routes.route(
                McpRoutes.routeId(route.service()),
                spec ->
                        spec.path(path)
                                // The service serves MCP at /mcp, whatever the public path.
                                .filters(
                                        filters ->
                                                filters.setPath(McpRoutes.UPSTREAM_PATH)
                                                        .metadata(
                                                                RESPONSE_TIMEOUT_ATTR,
                                                                route.timeoutMs())
                                                        .metadata(
                                                                CONNECT_TIMEOUT_ATTR,
                                                                properties.connectTimeoutMs())
                                                        .metadata(
                                                                RouteAccess.METADATA_KEY,
                                                                route.auth())
                                                        .metadata(
                                                                McpRoutes.METADATA_KEY,
                                                                route.service()))
                                .uri("lb://" + route.service()));
        log.info(
                "Route {} forwards {} to service {} at {} (auth {}, timeout {} ms)",
                McpRoutes.routeId(route.service()),
                path,
                route.service(),
                McpRoutes.UPSTREAM_PATH,
                route.auth(),
                route.timeoutMs());
    }

    /**
     * Checks every route and the table as a whole.
     *
     * @throws IllegalStateException naming the route and the broken rule
     */
    static void validate(GatewayProperties properties) {
        Set<String> ids = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        Map<String, String> mcpOwners = new HashMap<>();

        for (int index = 0; index < properties.routes().size(); index++) {
            RouteProperties route = properties.routes().get(index);
            String name = "platform.gateway.routes[" + index + "]";

            if (route.id() == null || route.id().isBlank()) {
                throw new IllegalStateException(name + ".id is missing");
            }
            if (!ids.add(route.id())) {
                throw new IllegalStateException(
                        name + ".id '" + route.id() + "' is used by another route");
            }
            if (route.pathPrefix() == null || !PATH_PREFIX.matcher(route.pathPrefix()).matches()) {
                throw new IllegalStateException(
                        name
                                + ".path-prefix '"
                                + route.pathPrefix()
                                + "' is invalid: expected lower-case segments under /api, such as"
                                + " /api/writing-analysis, without wildcards or a trailing slash");
            }
            if (!prefixes.add(route.pathPrefix())) {
                throw new IllegalStateException(
                        name
                                + ".path-prefix '"
                                + route.pathPrefix()
                                + "' is owned by another route; each prefix has one owner");
            }
            if (route.service() == null || !SERVICE_ID.matcher(route.service()).matches()) {
                throw new IllegalStateException(
                        name
                                + ".service '"
                                + route.service()
                                + "' is invalid: expected a lower-case hyphenated service id");
            }
            if (!properties.knownServices().contains(route.service())) {
                throw new IllegalStateException(
                        name
                                + ".service '"
                                + route.service()
                                + "' is unknown: add it to platform.gateway.known-services"
                                + " or fix the route");
            }
            if (route.timeoutMs() < 1) {
                throw new IllegalStateException(
                        name + ".timeout-ms must be at least 1, got " + route.timeoutMs());
            }
            if (route.circuit() != null
                    && !route.circuit().isBlank()
                    && !CIRCUIT_NAME.matcher(route.circuit()).matches()) {
                throw new IllegalStateException(
                        name
                                + ".circuit '"
                                + route.circuit()
                                + "' is invalid: expected a service id, optionally followed by"
                                + " ':' and a name");
            }
            if (!route.retry().equals("none") && !route.retry().equals("idempotent")) {
                throw new IllegalStateException(
                        name
                                + ".retry '"
                                + route.retry()
                                + "' is invalid: expected none or idempotent");
            }
            RouteAccess access;
            try {
                access = RouteAccess.parse(route.auth());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(name + ".auth: " + e.getMessage(), e);
            }
            if (route.mcp()) {
                validateMcp(name, route, access, mcpOwners);
            }
            validateQueueable(route, name);
        }

        // The MCP routes get generated ids, which must not clash with a configured one.
        for (Map.Entry<String, String> mcp : mcpOwners.entrySet()) {
            String generatedId = McpRoutes.routeId(mcp.getKey());
            if (ids.contains(generatedId)) {
                throw new IllegalStateException(
                        "platform.gateway.routes: id '"
                                + generatedId
                                + "' is reserved for the MCP route that route '"
                                + mcp.getValue()
                                + "' adds; rename the route with that id");
            }
        }
    }

    /** Checks an entry with {@code mcp: true}: one per service, and never without a token. */
    private static void validateMcp(
            String name, RouteProperties route, RouteAccess access, Map<String, String> owners) {
        if (!access.authenticated()) {
            throw new IllegalStateException(
                    name
                            + ".mcp is true on a public route: MCP endpoints need a user token,"
                            + " so set auth to user or role:<ROLE>");
        }
        String owner = owners.putIfAbsent(route.service(), route.id());
        if (owner != null) {
            throw new IllegalStateException(
                    name
                            + ".mcp is true, but route '"
                            + owner
                            + "' already exposes the MCP endpoint of service '"
                            + route.service()
                            + "'; set mcp on one route per service");
        }
    }

    /** Checks that each queueable pattern parses and lies under the route's own prefix. */
    private static void validateQueueable(RouteProperties route, String name) {
        for (int index = 0; index < route.queueable().size(); index++) {
            String text = route.queueable().get(index);
            QueueablePattern pattern;
            try {
                pattern = QueueablePattern.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        name + ".queueable[" + index + "]: " + e.getMessage(), e);
            }
            if (!pattern.isUnder(route.pathPrefix())) {
                throw new IllegalStateException(
                        name
                                + ".queueable["
                                + index
                                + "] '"
                                + text
                                + "' is not under the route's path prefix "
                                + route.pathPrefix());
            }
        }
    }
}
