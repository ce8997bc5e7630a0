package dev.scribe.gateway.config;

import dev.scribe.gateway.api.ProtectedResourceMetadataHandler;
import dev.scribe.gateway.domain.McpRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves {@code GET /.well-known/oauth-protected-resource/mcp/{service}} on the public port. Router
 * functions are matched before the gateway's routes, so no route table entry is needed.
 */
@Configuration(proxyBeanMethods = false)
public class McpMetadataConfiguration {

    @Bean
    RouterFunction<ServerResponse> protectedResourceMetadataRoute(
            GatewayProperties gateway, McpProperties mcp) {
        ProtectedResourceMetadataHandler handler =
                new ProtectedResourceMetadataHandler(gateway, mcp);
        return RouterFunctions.route()
                .GET(McpRoutes.METADATA_PATH_PREFIX + "{service}", handler::metadata)
                .build();
    }
}
