package dev.scribe.writinganalysis.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Secrets of the privacy rules.
 *
 * @param pseudonymizationKey HMAC-SHA-256 key of user pseudonyms, at least 32 characters; no
 *     default. When unset, the service creates a random development key in {@code
 *     ${platform.data-dir}/pseudonymization.key} at first start, reuses it afterwards and logs a
 *     warning, because such a key is not managed as a platform secret
 */
@Validated
@ConfigurationProperties(prefix = "platform.privacy")
public record PrivacyProperties(@Nullable String pseudonymizationKey) {

    /** Leaves the key out, because a secret must not reach logs. */
    @Override
    public String toString() {
        return "PrivacyProperties[pseudonymizationKey="
                + (pseudonymizationKey == null ? "unset" : "set")
                + "]";
    }
}
