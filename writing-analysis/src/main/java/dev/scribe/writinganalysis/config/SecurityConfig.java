package dev.scribe.writinganalysis.config;

import dev.scribe.platform.security.ServiceTokenVerifier;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenVerifier;
import dev.scribe.platform.security.UserAssertions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Verification of the gateway's user assertions and of identity's service tokens. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /**
     * Creates the verifier over the configured key set.
     *
     * @throws IllegalStateException when neither a key file nor a key set URL is configured,
     *     because the service must not start accepting requests it cannot authenticate
     */
    @Bean
    TokenVerifier userAssertionVerifier(AssertionProperties properties, Clock clock) {
        if (properties.jwksFile() != null) {
            log.info("Verifying user assertions with the key set in {}", properties.jwksFile());
            return TokenVerifier.userAssertions(
                    SigningKeys.readPublicSet(properties.jwksFile()), clock);
        }
        if (properties.jwksUri() != null) {
            log.info("Verifying user assertions with the key set at {}", properties.jwksUri());
            return TokenVerifier.forJwksUri(
                    properties.jwksUri().toString(),
                    UserAssertions.ISSUER,
                    UserAssertions.AUDIENCE,
                    clock);
        }
        throw new IllegalStateException(
                "No key set for user assertions: set platform.security.assertion.jwks-file to"
                        + " the gateway's key file or platform.security.assertion.jwks-uri to its"
                        + " key set URL");
    }

    /**
     * Creates the verifier of service tokens over identity's key set.
     *
     * @throws IllegalStateException when the issuer or both key sources are missing, because the
     *     service must not accept callers it cannot authenticate. The stdio transport has no HTTP
     *     callers and needs no verifier
     */
    @Bean
    @ConditionalOnWebApplication
    ServiceTokenVerifier serviceTokenVerifier(ServiceTokenProperties properties, Clock clock) {
        if (properties.issuer() == null || properties.issuer().isBlank()) {
            throw new IllegalStateException(
                    "No service token issuer: set platform.security.service-token.issuer to"
                            + " identity's issuer, such as http://127.0.0.1:8090");
        }
        if (properties.jwksFile() != null) {
            log.info(
                    "Verifying service tokens for audience {} with the key set in {}",
                    properties.audience(),
                    properties.jwksFile());
            return ServiceTokenVerifier.forKeySet(
                    SigningKeys.readPublicSet(properties.jwksFile()),
                    properties.issuer(),
                    properties.audience(),
                    clock);
        }
        if (properties.jwksUri() != null) {
            log.info(
                    "Verifying service tokens for audience {} with the key set at {}",
                    properties.audience(),
                    properties.jwksUri());
            return ServiceTokenVerifier.forJwksUri(
                    properties.jwksUri().toString(),
                    properties.issuer(),
                    properties.audience(),
                    clock);
        }
        throw new IllegalStateException(
                "No key set for service tokens: set platform.security.service-token.jwks-file to"
                        + " identity's key file or platform.security.service-token.jwks-uri to its"
                        + " key set URL");
    }
}
