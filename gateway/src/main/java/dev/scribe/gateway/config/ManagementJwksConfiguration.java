package dev.scribe.gateway.config;

import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.gateway.api.JwksHandler;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Adds {@code GET /.well-known/jwks.json} to the management port (8081), which is reachable only
 * inside the cluster. Spring Boot loads this class into the management child context through {@code
 * META-INF/spring/...ManagementContextConfiguration.imports}. The key bean comes from the parent
 * context.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
public class ManagementJwksConfiguration {

    public static final String JWKS_PATH = "/.well-known/jwks.json";

    @Bean
    RouterFunction<ServerResponse> jwksRoute(ECKey assertionSigningKey) {
        JwksHandler handler = new JwksHandler(assertionSigningKey);
        return RouterFunctions.route().GET(JWKS_PATH, handler::keySet).build();
    }
}
