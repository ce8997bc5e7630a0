package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.config.OutboxProperties;
import dev.scribe.writinganalysis.domain.OutboxRepository;
import dev.scribe.writinganalysis.domain.OutboxRow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Publishes committed outbox rows through the configured {@link OutboxTransport} and marks each one
 * published only after the transport accepted it, so delivery is at least once.
 *
 * <p>Order: rows leave in creation order, and the events of one subject never overtake each other.
 * When a row fails, it waits for its back-off ({@code retry-initial-ms} doubled per failure, at
 * most {@code retry-max-ms}) and every later row with the same ordering key waits with it, while
 * rows of other subjects go on. When the transport is unreachable as a whole, the relay pauses with
 * the same back-off. One relay at a time publishes: a relay runs only while it holds the lease row,
 * which it renews on every run.
 */
@Service
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Largest shift of the back-off doubling; beyond it the maximum applies anyway. */
    private static final int MAX_BACKOFF_SHIFT = 20;

    private final OutboxRepository outbox;
    private final OutboxTransport transport;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String holderId = "relay-" + UUID.randomUUID();

    /** Runs in a row that found the transport unreachable; 0 after a run that reached it. */
    private int unavailableRuns;

    /** The relay skips its runs until this time after finding the transport unreachable. */
    private Instant pausedUntil = Instant.MIN;

    public OutboxRelay(
            OutboxRepository outbox,
            OutboxTransport transport,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("outbox_pending", outbox, OutboxRepository::countPending)
                .description("Outbox events not yet published")
                .register(meters);
    }

    /** Publishes one batch of pending rows, oldest first; returns how many were published. */
    @Scheduled(fixedDelayString = "${platform.outbox.relay-interval-ms:500}")
    public synchronized int relay() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return 0;
        }

        List<OutboxRow> rows;
        try {
            if (!outbox.acquireLease(holderId, now, now.plusMillis(properties.leaseMs()))) {
                return 0;
            }
            rows = outbox.pending(properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox relay cannot read pending events; retrying on the next run", e);
            return 0;
        }

        Set<String> blockedKeys = new HashSet<>();
        int published = 0;
        for (OutboxRow row : rows) {
            String key = row.orderingKey();
            if (blockedKeys.contains(key)) {
                continue;
            }
            if (row.nextAttemptAt() != null && row.nextAttemptAt().isAfter(now)) {
                blockedKeys.add(key);
                continue;
            }

            try {
                transport.deliver(row);
            } catch (OutboxTransport.TransportUnavailableException e) {
                // Every other row would fail the same way, so the whole relay backs off, and one
                // log line per pause is written instead of one per row.
                recordFailure(row, e);
                pausedUntil = clock.instant().plus(backoff(unavailableRuns));
                unavailableRuns++;
                return published;
            } catch (RuntimeException e) {
                recordFailure(row, e);
                blockedKeys.add(key);
                continue;
            }

            unavailableRuns = 0;
            if (outbox.markPublished(row.id(), clock.instant())) {
                published++;
                log.debug("Published event {} of type {}", row.eventId(), row.type());
            }
        }
        return published;
    }

    /** Deletes published rows older than {@code published-retention-days}, once an hour. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    public int purgePublished() {
        Instant cutoff =
                clock.instant().minus(Duration.ofDays(properties.publishedRetentionDays()));
        try {
            int deleted = outbox.deletePublishedBefore(cutoff);
            if (deleted > 0) {
                log.info("Deleted {} outbox rows published before {}", deleted, cutoff);
            }
            return deleted;
        } catch (RuntimeException e) {
            log.warn("Deleting published outbox rows failed; retrying in an hour", e);
            return 0;
        }
    }

    private void recordFailure(OutboxRow row, RuntimeException e) {
        Duration backoff = backoff(row.attempts());
        log.warn(
                "Delivery of event {} of type {} failed (attempt {}); retrying in {} ms",
                row.eventId(),
                row.type(),
                row.attempts() + 1,
                backoff.toMillis(),
                e);
        try {
            outbox.markFailed(row.id(), describe(e), clock.instant().plus(backoff));
        } catch (RuntimeException markError) {
            // The row stays pending with its old state, so the next run simply retries it.
            log.warn("Recording the failed delivery of event {} failed", row.eventId(), markError);
        }
    }

    /** Returns the wait before the next attempt after {@code failedAttempts} earlier failures. */
    Duration backoff(int failedAttempts) {
        long factor = 1L << Math.min(failedAttempts, MAX_BACKOFF_SHIFT);
        long millis = Math.min(properties.retryMaxMs(), properties.retryInitialMs() * factor);
        return Duration.ofMillis(millis);
    }

    /** Exception class and message only; messages of the transports hold no event content. */
    private static String describe(RuntimeException e) {
        return e.getMessage() == null
                ? e.getClass().getName()
                : e.getClass().getName() + ": " + e.getMessage();
    }
}
