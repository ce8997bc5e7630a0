package dev.scribe.writinganalysis.config;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Key set that verifies the gateway's user assertions ({@code X-User-Assertion}). Exactly one of
 * the two sources must be set; the file wins when both are.
 *
 * @param jwksFile file with the gateway's JWK or JWK set; private parts are ignored; no default
 * @param jwksUri URL of the gateway's JWK set, cached for at most 10 minutes; no default
 */
@Validated
@ConfigurationProperties(prefix = "platform.security.assertion")
public record AssertionProperties(@Nullable Path jwksFile, @Nullable URI jwksUri) {}
