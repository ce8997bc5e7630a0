package dev.scribe.identity.config;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.scribe.platform.security.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ES256 key that signs user tokens and service tokens, and the key set built from it. */
@Configuration(proxyBeanMethods = false)
public class SigningKeyConfig {

    /** Key id of a key that identity generates because the configured file does not exist. */
    static final String GENERATED_KEY_ID = "identity-generated-1";

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfig.class);

    @Bean
    ECKey identitySigningKey(IdentityProperties properties) {
        return loadSigningKey(properties.signingKeyFile(), properties.generateMissingKey());
    }

    /**
     * Reads the signing key, or creates it when {@code generateMissing} allows it.
     *
     * @throws IllegalStateException when no file is configured, or it is missing and may not be
     *     generated, because tokens signed by a throw-away key would fail after every restart
     */
    static ECKey loadSigningKey(Path file, boolean generateMissing) {
        if (file == null) {
            throw new IllegalStateException(
                    "platform.identity.signing-key-file is not set: identity needs the EC P-256"
                            + " JWK file that signs its tokens (create it with `scribe-cli keys`)");
        }
        if (Files.exists(file)) {
            ECKey key = SigningKeys.readPrivate(file);
            log.info("Signing tokens with key {} from {}", key.getKeyID(), file);
            return key;
        }
        if (!generateMissing) {
            throw new IllegalStateException(
                    "platform.identity.signing-key-file "
                            + file
                            + " does not exist; create it with `scribe-cli keys` or use the"
                            + " embedded profile, which generates it");
        }
        ECKey key = SigningKeys.loadOrCreate(file, GENERATED_KEY_ID);
        log.warn("Generated a new signing key {} in {}", key.getKeyID(), file);
        return key;
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(ECKey identitySigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(identitySigningKey));
    }
}
