package dev.scribe.gateway.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local tier and its durable outbox under {@code platform.gateway.local-tier}.
 *
 * @param dataDir directory of the outbox file and the development key files; {@code ./scribe}
 *     passes the run directory's data folder through {@code platform.data-dir}
 * @param outboxKey Base64 AES-256 key (32 bytes) that encrypts outbox payloads. Without one, the
 *     embedded profile (no active Spring profile) creates {@code gateway-outbox.key} in {@code
 *     dataDir}, and any other profile stops the start
 * @param pseudonymizationKey the writing-analysis service's pseudonymisation secret, so that audit
 *     entries of the local tier carry the same pseudonyms. Without one, the tier reads the
 *     service's development key file {@code pseudonymization.key} in {@code dataDir} at first use
 * @param replayIntervalSeconds interval between replay passes of the outbox (default 10)
 * @param replayTimeoutMs time the service has to acknowledge one replayed entry (default 5000)
 */
@ConfigurationProperties("platform.gateway.local-tier")
public record LocalTierProperties(
        @DefaultValue("data") Path dataDir,
        String outboxKey,
        String pseudonymizationKey,
        @DefaultValue("10") int replayIntervalSeconds,
        @DefaultValue("5000") int replayTimeoutMs) {

    public LocalTierProperties {
        if (replayIntervalSeconds < 1) {
            throw new IllegalArgumentException(
                    "platform.gateway.local-tier.replay-interval-seconds must be at least 1, got "
                            + replayIntervalSeconds);
        }
        if (replayTimeoutMs < 1) {
            throw new IllegalArgumentException(
                    "platform.gateway.local-tier.replay-timeout-ms must be at least 1, got "
                            + replayTimeoutMs);
        }
    }

    /** Leaves the secrets out of logs. */
    @Override
    public String toString() {
        return "LocalTierProperties[dataDir="
                + dataDir
                + ", outboxKey="
                + (outboxKey == null ? "unset" : "set")
                + ", pseudonymizationKey="
                + (pseudonymizationKey == null ? "unset" : "set")
                + ", replayIntervalSeconds="
                + replayIntervalSeconds
                + ", replayTimeoutMs="
                + replayTimeoutMs
                + "]";
    }
}
