package dev.scribe.writinganalysis.config;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Verification of the service tokens that identity issues to callers of this service. One of the
 * two key sources must be set; the file wins when both are.
 *
 * @param issuer expected {@code iss}: identity's issuer, such as {@code http://127.0.0.1:8090}
 * @param audience expected {@code aud}: this service's id (default {@code writing-analysis})
 * @param jwksFile file with identity's JWK or JWK set; private parts are ignored; no default
 * @param jwksUri URL of identity's JWK set, cached for at most 10 minutes; no default
 */
@Validated
@ConfigurationProperties(prefix = "platform.security.service-token")
public record ServiceTokenProperties(
        @Nullable String issuer,
        @DefaultValue("writing-analysis") String audience,
        @Nullable Path jwksFile,
        @Nullable URI jwksUri) {}
