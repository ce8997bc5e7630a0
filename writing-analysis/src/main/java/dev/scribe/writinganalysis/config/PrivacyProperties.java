package dev.scribe.writinganalysis.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Secrets of the privacy rules.
 *
 * @param pseudonymizationKey HMAC-SHA-256 key of user pseudonyms, at least 32 characters; no
 *     default. When unset, the embedded profile creates a random development key in {@code
 *     ${platform.data-dir}/pseudonymization.key} at first start, reuses it afterwards and logs a
 *     warning, because such a key is not managed as a platform secret. Any other profile stops at
 *     start-up
 * @param auditCheckpointKey HMAC-SHA-256 key that signs audit checkpoints, at least 32 characters;
 *     no default. When unset, a development key is created in {@code
 *     ${platform.data-dir}/audit-checkpoint.key} in the same way, in the embedded profile only
 * @param auditCheckpointKeyId id recorded with each checkpoint; default {@code dev-checkpoint-1}
 * @param auditCheckpointInterval a checkpoint is stored after every this many audit entries, 1 to
 *     1000000; default 1000
 */
@Validated
@ConfigurationProperties(prefix = "platform.privacy")
public record PrivacyProperties(
        @Nullable String pseudonymizationKey,
        @Nullable String auditCheckpointKey,
        @DefaultValue("dev-checkpoint-1") @NotBlank String auditCheckpointKeyId,
        @DefaultValue("1000") @Min(1) @Max(1_000_000) int auditCheckpointInterval) {

    /** Leaves the keys out, because secrets must not reach logs. */
    @Override
    public String toString() {
        return "PrivacyProperties[pseudonymizationKey="
                + (pseudonymizationKey == null ? "unset" : "set")
                + ", auditCheckpointKey="
                + (auditCheckpointKey == null ? "unset" : "set")
                + ", auditCheckpointKeyId="
                + auditCheckpointKeyId
                + ", auditCheckpointInterval="
                + auditCheckpointInterval
                + "]";
    }
}
