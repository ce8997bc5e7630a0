package dev.scribe.gateway.config;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.TokenVerifier;
import java.nio.file.Files;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keys and token handling of the gateway: the verifier of user access tokens and the signer of the
 * user assertions that replace those tokens on forwarded requests.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Key id of an assertion key that the gateway generates because no key file is configured. */
    static final String GENERATED_ASSERTION_KEY_ID = "gateway-assertion-generated";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TokenVerifier userTokenVerifier(SecurityProperties properties, Clock clock) {
        SecurityProperties.UserTokens tokens = properties.userTokens();
        boolean hasFile = tokens.jwksFile() != null;
        boolean hasUri = tokens.jwksUri() != null && !tokens.jwksUri().isBlank();

        if (hasFile == hasUri) {
            throw new IllegalStateException(
                    "Set exactly one of platform.security.user-tokens.jwks-file and"
                            + " platform.security.user-tokens.jwks-uri: the gateway needs the"
                            + " issuer's public keys to verify access tokens");
        }
        if (hasFile) {
            if (!Files.isReadable(tokens.jwksFile())) {
                throw new IllegalStateException(
                        "platform.security.user-tokens.jwks-file "
                                + tokens.jwksFile()
                                + " does not exist or is not readable");
            }
            JWKSet keys = SigningKeys.readPublicSet(tokens.jwksFile());
            log.info(
                    "Verifying user tokens with {} key(s) from {} (issuer {}, audience {})",
                    keys.size(),
                    tokens.jwksFile(),
                    tokens.issuer(),
                    tokens.audience());
            return TokenVerifier.forKeySet(keys, tokens.issuer(), tokens.audience(), clock);
        }
        log.info(
                "Verifying user tokens with the key set at {} (issuer {}, audience {})",
                tokens.jwksUri(),
                tokens.issuer(),
                tokens.audience());
        return TokenVerifier.forJwksUri(
                tokens.jwksUri(), tokens.issuer(), tokens.audience(), clock);
    }

    @Bean
    ECKey assertionSigningKey(SecurityProperties properties) {
        if (properties.assertion().signingKeyFile() == null) {
            log.warn(
                    "platform.security.assertion.signing-key-file is not set: signing user"
                            + " assertions with a key generated in memory, which changes at every"
                            + " start");
            return SigningKeys.generate(GENERATED_ASSERTION_KEY_ID);
        }
        if (!Files.isReadable(properties.assertion().signingKeyFile())) {
            throw new IllegalStateException(
                    "platform.security.assertion.signing-key-file "
                            + properties.assertion().signingKeyFile()
                            + " does not exist or is not readable; create it with"
                            + " `scribe-cli keys` or unset the property");
        }
        ECKey key = SigningKeys.readPrivate(properties.assertion().signingKeyFile());
        log.info(
                "Signing user assertions with key {} from {}",
                key.getKeyID(),
                properties.assertion().signingKeyFile());
        return key;
    }

    @Bean
    TokenIssuer userAssertionIssuer(ECKey assertionSigningKey, Clock clock) {
        return TokenIssuer.userAssertions(assertionSigningKey, clock);
    }
}
