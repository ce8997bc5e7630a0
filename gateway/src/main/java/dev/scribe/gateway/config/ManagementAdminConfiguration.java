package dev.scribe.gateway.config;

import dev.scribe.gateway.api.AdminHandler;
import dev.scribe.gateway.service.AdminAudit;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.EdgeAuthenticator;
import dev.scribe.gateway.service.FeatureFlags;
import dev.scribe.gateway.service.TierRouter;
import dev.scribe.gateway.service.TierStatistics;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the breaker, flag and router endpoints on the management port only (GW-16); the public
 * port never forwards {@code /admin/**} (GW-4). Registered through {@code
 * META-INF/spring/...ManagementContextConfiguration.imports}; the beans come from the parent.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
public class ManagementAdminConfiguration {

    @Bean
    RouterFunction<ServerResponse> adminRoutes(
            EdgeAuthenticator authenticator,
            CircuitBreakers breakers,
            FeatureFlags flags,
            TierStatistics statistics,
            TierRouter router,
            AdminAudit audit,
            JsonMapper jsonMapper) {
        AdminHandler handler =
                new AdminHandler(
                        authenticator, breakers, flags, statistics, router, audit, jsonMapper);
        return RouterFunctions.route()
                .GET("/admin/circuits", handler::listCircuits)
                .POST("/admin/circuits/{name}/{action}", handler::changeCircuit)
                .GET("/admin/flags", handler::listFlags)
                .PUT("/admin/flags", handler::updateFlags)
                .POST("/admin/flags/presets/{name}", handler::applyPreset)
                .POST("/admin/adaptive/reset-metrics", handler::resetAdaptiveMetrics)
                .GET("/internal/flags", handler::internalFlags)
                .build();
    }
}
