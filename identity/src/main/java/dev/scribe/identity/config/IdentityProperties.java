package dev.scribe.identity.config;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity service under {@code platform.identity}.
 *
 * @param issuer the {@code iss} of every token, such as {@code http://127.0.0.1:8090}
 * @param signingKeyFile file with the private EC P-256 JWK that signs all tokens
 * @param generateMissingKey whether a missing key file is created with a new key at start. It is
 *     true in the embedded profile only, and elsewhere a missing file stops the start
 * @param demo the demo users of the embedded profile
 * @param clients the service clients allowed to request service tokens
 */
@ConfigurationProperties("platform.identity")
public record IdentityProperties(
        String issuer,
        @Nullable Path signingKeyFile,
        @DefaultValue("false") boolean generateMissingKey,
        @DefaultValue Demo demo,
        @DefaultValue List<Client> clients) {

    /**
     * Demo users.
     *
     * @param enabled whether the demo users are created or updated at start
     * @param passwordFile file whose first line is the password of every demo user
     */
    public record Demo(@DefaultValue("false") boolean enabled, @Nullable Path passwordFile) {}

    /**
     * One service client. Exactly one of {@code secret} and {@code secretFile} must be set.
     *
     * @param id client id, which becomes the {@code sub} of its tokens
     * @param secret the client secret
     * @param secretFile file whose first line is the client secret
     * @param scopes scopes the client may request
     * @param audiences services for which the client may request tokens; with none, every token
     *     request of the client fails with {@code invalid_target}
     */
    public record Client(
            String id,
            @Nullable String secret,
            @Nullable Path secretFile,
            @DefaultValue List<String> scopes,
            @DefaultValue List<String> audiences) {

        /** Leaves the secret out, so that logging the settings cannot leak it. */
        @Override
        public String toString() {
            return "Client[id=" + id + ", scopes=" + scopes + ", audiences=" + audiences + "]";
        }
    }
}
