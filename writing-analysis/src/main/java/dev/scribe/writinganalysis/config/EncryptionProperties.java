package dev.scribe.writinganalysis.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Master keys of the encryption at rest (reflection text and retained writing content).
 *
 * @param keys key id to Base64 of 32 random bytes; no default. Old keys stay listed after a
 *     rotation so that values written under them remain readable until the re-wrap job has moved
 *     them to the active key. Without keys the embedded (default) profile uses a development key
 *     file in the data directory, and every other profile stops at start-up
 * @param activeKeyId id of the key that encrypts new values; required when {@code keys} is set
 * @param rewrapIntervalMs pause between two runs of the job that re-wraps data keys under the
 *     active key, in milliseconds, 1000 to 86400000; default 3600000 (one hour)
 * @param rewrapBatchSize rows re-wrapped per table and transaction, 1 to 10000; default 200
 */
@Validated
@ConfigurationProperties(prefix = "platform.encryption")
public record EncryptionProperties(
        @Nullable Map<String, String> keys,
        @Nullable String activeKeyId,
        @DefaultValue("3600000") @Min(1000) @Max(86_400_000) long rewrapIntervalMs,
        @DefaultValue("200") @Min(1) @Max(10_000) int rewrapBatchSize) {

    public EncryptionProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** Leaves the key material out, because secrets must not reach logs. */
    @Override
    public String toString() {
        return "EncryptionProperties[keyIds="
                + keys.keySet()
                + ", activeKeyId="
                + activeKeyId
                + ", rewrapIntervalMs="
                + rewrapIntervalMs
                + ", rewrapBatchSize="
                + rewrapBatchSize
                + "]";
    }
}
