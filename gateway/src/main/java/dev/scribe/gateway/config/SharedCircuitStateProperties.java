package dev.scribe.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the breaker state shared between gateway instances through Redis, under {@code
 * platform.resilience.shared-state}. Off by default: platform CB-12 keeps breaker state per
 * process, and the distributed profile ({@code application-distributed.yml}) switches it on.
 *
 * @param enabled whether transitions are published to and taken from Redis
 * @param redisUrl Redis URL, such as {@code redis://127.0.0.1:6379}
 * @param keyPrefix prefix of the channel and hash names, so several platforms can share a Redis
 * @param timeoutMs timeout of every Redis command
 */
@ConfigurationProperties("platform.resilience.shared-state")
public record SharedCircuitStateProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("redis://127.0.0.1:6379") String redisUrl,
        @DefaultValue("scribe:gateway") String keyPrefix,
        @DefaultValue("2000") long timeoutMs) {

    public SharedCircuitStateProperties {
        if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.contains("|")) {
            throw new IllegalArgumentException(
                    "platform.resilience.shared-state.key-prefix must be non-blank without '|',"
                            + " got '"
                            + keyPrefix
                            + "'");
        }
        if (timeoutMs < 1) {
            throw new IllegalArgumentException(
                    "platform.resilience.shared-state.timeout-ms must be at least 1, got "
                            + timeoutMs);
        }
    }
}
