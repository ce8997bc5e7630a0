package dev.scribe.gateway.config;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import dev.scribe.gateway.config.GatewayProperties.RouteProperties;
import dev.scribe.gateway.domain.QueueablePattern;
import dev.scribe.gateway.domain.RouteAccess;
import java.util.HashSet;
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
 */
@Configuration(proxyBeanMethods = false)
public class RouteConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RouteConfiguration.class);

    /** Lower-case path segments after {@code /api}, without wildcards or a trailing slash. */
    private static final Pattern PATH_PREFIX = Pattern.compile("/api(/[a-z0-9][a-z0-9._-]*)+");

    private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

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
                                    .uri("lb://" + route.service()));
            log.info(
                    "Route {} forwards {}/** to service {} (auth {}, timeout {} ms)",
                    route.id(),
                    route.pathPrefix(),
                    route.service(),
                    route.auth(),
                    route.timeoutMs());
        }
        return routes.build();
    }

    /**
     * Checks every route and the table as a whole.
     *
     * @throws IllegalStateException naming the route and the broken rule
     */
    static void validate(GatewayProperties properties) {
        Set<String> ids = new HashSet<>();
        Set<String> prefixes = new HashSet<>();

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
            try {
                RouteAccess.parse(route.auth());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(name + ".auth: " + e.getMessage(), e);
            }
            validateQueueable(route, name);
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
