package dev.scribe.gateway.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Key and token settings of the gateway under {@code platform.security}.
 *
 * @param userTokens how user access tokens are verified
 * @param assertion how the gateway signs user assertions
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(
        @DefaultValue UserTokens userTokens, @DefaultValue Assertion assertion) {

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
}
