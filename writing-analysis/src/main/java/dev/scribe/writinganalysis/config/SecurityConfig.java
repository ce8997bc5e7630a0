package dev.scribe.writinganalysis.config;

import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenVerifier;
import dev.scribe.platform.security.UserAssertions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Verification of the gateway's user assertions. */
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
}
