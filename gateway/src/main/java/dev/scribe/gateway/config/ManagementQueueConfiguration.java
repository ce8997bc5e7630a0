package dev.scribe.gateway.config;

import dev.scribe.gateway.api.QueueAdminHandler;
import dev.scribe.gateway.service.EdgeAuthenticator;
import dev.scribe.gateway.service.WriteQueue;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Adds the write-queue administration ({@code /admin/queue}) to the management port, which is
 * reachable only inside the cluster. The queue beans come from the parent context.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
public class ManagementQueueConfiguration {

    @Bean
    RouterFunction<ServerResponse> queueAdminRoutes(
            EdgeAuthenticator authenticator,
            WriteQueue writeQueue,
            GatewayProperties gatewayProperties) {
        QueueAdminHandler handler =
                new QueueAdminHandler(
                        authenticator, writeQueue, gatewayProperties.retryAfterSeconds());
        return RouterFunctions.route()
                .GET("/admin/queue", handler::list)
                .POST("/admin/queue/{id}/retry", handler::retry)
                .POST("/admin/queue/{id}/discard", handler::discard)
                .build();
    }
}
