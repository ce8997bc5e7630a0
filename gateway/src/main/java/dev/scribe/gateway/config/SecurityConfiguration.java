package dev.scribe.gateway.config;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import dev.scribe.platform.security.ServiceTokenClient;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.TokenVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keys and token handling of the gateway: the verifier of user access tokens, the signer of the
 * user assertions that replace those tokens on forwarded requests, and the client of identity that
 * provides the gateway's own service tokens.
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

    /**
     * Creates the client that fetches the gateway's service tokens from identity.
     *
     * @throws IllegalStateException when the token endpoint or the secret is missing, because
     *     services reject every request that carries no service token
     */
    @Bean
    ServiceTokenClient serviceTokenClient(SecurityProperties properties, Clock clock) {
        SecurityProperties.ServiceToken settings = properties.serviceToken();
        if (settings.tokenUri() == null) {
            throw new IllegalStateException(
                    "platform.security.service-token.token-uri is not set: the gateway needs"
                            + " identity's token endpoint, such as"
                            + " http://127.0.0.1:8090/oauth2/token");
        }
        boolean hasValue = settings.clientSecret() != null && !settings.clientSecret().isBlank();
        boolean hasFile = settings.clientSecretFile() != null;
        if (hasValue == hasFile) {
            throw new IllegalStateException(
                    "Set exactly one of platform.security.service-token.client-secret and"
                            + " platform.security.service-token.client-secret-file");
        }
        if (settings.timeoutMs() < 1) {
            throw new IllegalStateException(
                    "platform.security.service-token.timeout-ms must be at least 1, got "
                            + settings.timeoutMs());
        }

        String secret =
                hasValue ? settings.clientSecret() : readSecret(settings.clientSecretFile());
        log.info(
                "Requesting service tokens from {} as client {}",
                settings.tokenUri(),
                settings.clientId());
        return new ServiceTokenClient(
                settings.tokenUri(),
                settings.clientId(),
                secret,
                Duration.ofMillis(settings.timeoutMs()),
                clock);
    }

    private static String readSecret(Path file) {
        try {
            String secret =
                    Files.readString(file, StandardCharsets.UTF_8)
                            .lines()
                            .findFirst()
                            .orElse("")
                            .strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(
                        "platform.security.service-token.client-secret-file " + file + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read platform.security.service-token.client-secret-file " + file, e);
        }
    }
}
