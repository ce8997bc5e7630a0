package dev.scribe.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Key and token settings of the gateway under {@code platform.security}.
 *
 * @param userTokens how user access tokens are verified
 * @param assertion how the gateway signs user assertions
 * @param serviceToken how the gateway gets its service tokens from identity
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(
        @DefaultValue UserTokens userTokens,
        @DefaultValue Assertion assertion,
        @DefaultValue ServiceToken serviceToken) {

    /**
     * Verification of user access tokens. Exactly one of {@code jwksFile} and {@code jwksUri} must
     * be set.
     *
     * @param issuer expected {@code iss} claim (default {@code scribe-dev-issuer})
     * @param audience expected {@code aud} claim (default {@code platform-api})
     * @param jwksFile file with one JWK or a JWK set of the issuer, whose private parts are ignored
     * @param jwksUri URL of the issuer's JWK set, cached for at most 10 minutes
     */
    public record UserTokens(
            @DefaultValue("scribe-dev-issuer") String issuer,
            @DefaultValue("platform-api") String audience,
            Path jwksFile,
            String jwksUri) {}

    /**
     * Signing of user assertions.
     *
     * @param signingKeyFile file with the gateway's private EC P-256 JWK. When it is unset the
     *     gateway generates a key in memory at start, so services must then fetch its public key
     *     from the management port
     */
    public record Assertion(Path signingKeyFile) {}

    /**
     * The gateway's client credentials at identity. Exactly one of {@code clientSecret} and {@code
     * clientSecretFile} must be set.
     *
     * @param tokenUri identity's token endpoint, such as {@code http://127.0.0.1:8090/oauth2/token}
     * @param clientId the gateway's client id (default {@code gateway})
     * @param clientSecret the client secret
     * @param clientSecretFile file whose first line is the client secret
     * @param timeoutMs time limit of one token request in milliseconds (default 2000)
     */
    public record ServiceToken(
            URI tokenUri,
            @DefaultValue("gateway") String clientId,
            String clientSecret,
            Path clientSecretFile,
            @DefaultValue("2000") long timeoutMs) {

        /** Leaves the secret out, so that logging the settings cannot leak it. */
        @Override
        public String toString() {
            return "ServiceToken[tokenUri=" + tokenUri + ", clientId=" + clientId + "]";
        }
    }
}
