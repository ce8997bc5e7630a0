package dev.scribe.gateway.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the write queue under {@code platform.gateway.queue}. The database connection is the
 * standard {@code spring.datasource.*}.
 *
 * @param bodyKeyFile file with the AES-256 key (32 bytes, Base64) that encrypts queued bodies
 * @param createBodyKeyFile whether the gateway creates {@code bodyKeyFile} with a random key when
 *     it is missing. On in the embedded profile, off with PostgreSQL, where a missing key stops the
 *     start (default false)
 * @param maxPendingPerUser pending entries one user may have before new writes get 503 {@code
 *     QUEUE_FULL} (default 1000)
 * @param maxPendingPerService pending entries one service may have before new writes get 503 {@code
 *     QUEUE_FULL} (default 100000)
 * @param maxBodyBytes largest body the queue stores in bytes (default 5 MiB = 5242880)
 * @param replayIntervalMs time between two replay runs when nothing else starts one, in
 *     milliseconds (default 10000)
 * @param checkIntervalMs time between two checks for a new instance or a closed circuit, which
 *     start a replay run at once, in milliseconds (default 1000)
 * @param replayConcurrency ordering keys of one service replayed in parallel, 1 to 100 (default 10)
 * @param initialBackoffMs wait before the first retry of a failed replay, doubled on every further
 *     failure, in milliseconds (default 1000)
 * @param maxBackoffMs the maximum wait between two replay attempts in milliseconds (default 300000)
 * @param terminalRetentionDays days for which the metadata of delivered, rejected and discarded
 *     entries is kept (default 30)
 */
@ConfigurationProperties("platform.gateway.queue")
public record WriteQueueProperties(
        Path bodyKeyFile,
        @DefaultValue("false") boolean createBodyKeyFile,
        @DefaultValue("1000") int maxPendingPerUser,
        @DefaultValue("100000") int maxPendingPerService,
        @DefaultValue("5242880") int maxBodyBytes,
        @DefaultValue("10000") long replayIntervalMs,
        @DefaultValue("1000") long checkIntervalMs,
        @DefaultValue("10") int replayConcurrency,
        @DefaultValue("1000") long initialBackoffMs,
        @DefaultValue("300000") long maxBackoffMs,
        @DefaultValue("30") int terminalRetentionDays) {

    public WriteQueueProperties {
        if (bodyKeyFile == null) {
            throw new IllegalArgumentException(
                    "platform.gateway.queue.body-key-file is missing: set it to the file with the"
                            + " AES-256 key that encrypts queued request bodies");
        }
        requireAtLeast("max-pending-per-user", maxPendingPerUser, 1);
        requireAtLeast("max-pending-per-service", maxPendingPerService, 1);
        requireAtLeast("max-body-bytes", maxBodyBytes, 1);
        requireAtLeast("replay-interval-ms", replayIntervalMs, 100);
        requireAtLeast("check-interval-ms", checkIntervalMs, 50);
        requireAtLeast("initial-backoff-ms", initialBackoffMs, 1);
        requireAtLeast("terminal-retention-days", terminalRetentionDays, 1);
        if (replayConcurrency < 1 || replayConcurrency > 100) {
            throw new IllegalArgumentException(
                    "platform.gateway.queue.replay-concurrency must be between 1 and 100, got "
                            + replayConcurrency);
        }
        if (maxBackoffMs < initialBackoffMs) {
            throw new IllegalArgumentException(
                    "platform.gateway.queue.max-backoff-ms must be at least initial-backoff-ms ("
                            + initialBackoffMs
                            + "), got "
                            + maxBackoffMs);
        }
    }

    private static void requireAtLeast(String key, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(
                    "platform.gateway.queue."
                            + key
                            + " must be at least "
                            + minimum
                            + ", got "
                            + value);
        }
    }
}
