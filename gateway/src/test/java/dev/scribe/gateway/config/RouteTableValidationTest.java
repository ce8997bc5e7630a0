package dev.scribe.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.gateway.config.GatewayProperties.RouteProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Route tables that cannot be served unambiguously stop the gateway at start-up. */
class RouteTableValidationTest {

    @Test
    void validTableIsAccepted() {
        assertThatCode(
                        () ->
                                validate(
                                        route("a", "/api/writing-analysis", "writing-analysis"),
                                        route("b", "/api/analytics", "writing-analysis")))
                .doesNotThrowAnyException();
    }

    @Test
    void sharedPrefixIsRejected() {
        assertThatThrownBy(
                        () ->
                                validate(
                                        route("a", "/api/analytics", "writing-analysis"),
                                        route("b", "/api/analytics", "writing-analysis")))
                .hasMessageContaining("routes[1].path-prefix")
                .hasMessageContaining("owned by another route");
    }

    @Test
    void unknownServiceIsRejected() {
        assertThatThrownBy(() -> validate(route("a", "/api/analytics", "student-profiling")))
                .hasMessageContaining("routes[0].service")
                .hasMessageContaining("unknown");
    }

    @Test
    void duplicateIdIsRejected() {
        assertThatThrownBy(
                        () ->
                                validate(
                                        route("a", "/api/analytics", "writing-analysis"),
                                        route("a", "/api/writing-analysis", "writing-analysis")))
                .hasMessageContaining("routes[1].id");
    }

    @Test
    void malformedPrefixIsRejected() {
        for (String prefix :
                new String[] {"/api/analytics/", "/api/analytics/**", "/analytics", "/api/A"}) {
            assertThatThrownBy(() -> validate(route("a", prefix, "writing-analysis")))
                    .as(prefix)
                    .hasMessageContaining("routes[0].path-prefix");
        }
    }

    @Test
    void invalidAuthIsRejected() {
        RouteProperties route =
                new RouteProperties(
                        "a",
                        "/api/analytics",
                        "writing-analysis",
                        "role:KING",
                        1000,
                        true,
                        false,
                        false,
                        "none",
                        null,
                        List.of());

        assertThatThrownBy(() -> validate(route)).hasMessageContaining("routes[0].auth");
    }

    @Test
    void mcpOnPublicRouteIsRejected() {
        RouteProperties route =
                new RouteProperties(
                        "a",
                        "/api/analytics",
                        "writing-analysis",
                        "public",
                        1000,
                        true,
                        true,
                        false,
                        "none",
                        null,
                        List.of());

        assertThatThrownBy(() -> validate(route))
                .hasMessageContaining("routes[0].mcp")
                .hasMessageContaining("public route");
    }

    @Test
    void secondMcpEntryOfServiceIsRejected() {
        assertThatThrownBy(
                        () ->
                                validate(
                                        mcpRoute("a", "/api/writing-analysis"),
                                        mcpRoute("b", "/api/analytics")))
                .hasMessageContaining("routes[1].mcp")
                .hasMessageContaining("route 'a' already exposes");
    }

    @Test
    void reservedMcpRouteIdIsRejected() {
        assertThatThrownBy(
                        () ->
                                validate(
                                        mcpRoute("a", "/api/writing-analysis"),
                                        route(
                                                "mcp-writing-analysis",
                                                "/api/analytics",
                                                "writing-analysis")))
                .hasMessageContaining("'mcp-writing-analysis' is reserved");
    }

    @Test
    void mcpServicesListEnabledEntriesOnly() {
        GatewayProperties properties =
                properties(
                        mcpRoute("a", "/api/writing-analysis"),
                        new RouteProperties(
                                "b",
                                "/api/other",
                                "other-service",
                                "user",
                                1000,
                                false,
                                true,
                                false,
                                "none",
                                null,
                                List.of()));

        assertThat(properties.mcpServices()).containsExactly("writing-analysis");
    }

    @Test
    void malformedQueueablePatternIsRejected() {
        for (String pattern :
                new String[] {
                    "POST", "GET /api/analytics/x", "POST api/analytics/x", "POST /api/analytics/**"
                }) {
            assertThatThrownBy(() -> validate(queueableRoute(pattern)))
                    .as(pattern)
                    .hasMessageContaining("routes[0].queueable[0]");
        }
    }

    @Test
    void queueablePatternOutsidePrefixIsRejected() {
        assertThatThrownBy(() -> validate(queueableRoute("POST /api/documents/x")))
                .hasMessageContaining("is not under the route's path prefix /api/analytics");
    }

    @Test
    void queueablePatternUnderPrefixIsAccepted() {
        validate(queueableRoute("PUT /api/analytics/documents/*/content"));
    }

    @Test
    void contextFailsWithSharedPrefix() {
        new ApplicationContextRunner()
                .withUserConfiguration(RouteConfiguration.class, RouteBuilderConfiguration.class)
                .withPropertyValues(
                        "platform.gateway.routes[0].id=a",
                        "platform.gateway.routes[0].path-prefix=/api/analytics",
                        "platform.gateway.routes[0].service=writing-analysis",
                        "platform.gateway.routes[1].id=b",
                        "platform.gateway.routes[1].path-prefix=/api/analytics",
                        "platform.gateway.routes[1].service=writing-analysis")
                .run(
                        context ->
                                assertThat(context.getStartupFailure())
                                        .rootCause()
                                        .hasMessageContaining("owned by another route"));
    }

    /** The route builder and properties that the gateway auto-configuration would provide. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class RouteBuilderConfiguration {

        @Bean
        RouteLocatorBuilder routeLocatorBuilder(ConfigurableApplicationContext context) {
            return new RouteLocatorBuilder(context);
        }
    }

    private static RouteProperties route(String id, String prefix, String service) {
        return new RouteProperties(
                id, prefix, service, "user", 1000, true, false, false, "none", null, List.of());
    }

    private static RouteProperties mcpRoute(String id, String prefix) {
        return new RouteProperties(
                id,
                prefix,
                "writing-analysis",
                "user",
                1000,
                true,
                true,
                false,
                "none",
                null,
                List.of());
    }

    private static GatewayProperties properties(RouteProperties... routes) {
        return new GatewayProperties(
                List.of(routes),
                List.of("writing-analysis", "other-service"),
                5242880,
                2000,
                5,
                65536,
                2);
    }

    private static RouteProperties queueableRoute(String pattern) {
        return new RouteProperties(
                "q",
                "/api/analytics",
                "writing-analysis",
                "user",
                1000,
                true,
                false,
                false,
                "none",
                null,
                List.of(pattern));
    }

    private static void validate(RouteProperties... routes) {
        RouteConfiguration.validate(properties(routes));
    }
}
