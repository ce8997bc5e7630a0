package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.config.OutboxProperties;
import dev.scribe.writinganalysis.domain.OutboxRepository;
import dev.scribe.writinganalysis.domain.OutboxRow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Publishes committed outbox rows to the in-process listeners (the embedded profile has no message
 * bus) and marks them published. Runs every {@code platform.outbox.relay-interval-ms}.
 */
@Service
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final List<OutboxListener> listeners;
    private final OutboxProperties properties;
    private final Clock clock;

    public OutboxRelay(
            OutboxRepository outbox,
            List<OutboxListener> listeners,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.listeners = List.copyOf(listeners);
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("outbox_pending", outbox, OutboxRepository::countPending)
                .description("Outbox events not yet published")
                .register(meters);
    }

    /** Publishes one batch of pending rows, oldest first. */
    @Scheduled(fixedDelayString = "${platform.outbox.relay-interval-ms:500}")
    public void relay() {
        List<OutboxRow> rows;
        try {
            rows = outbox.pending(properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox relay cannot read pending events; retrying on the next run", e);
            return;
        }

        for (OutboxRow row : rows) {
            try {
                for (OutboxListener listener : listeners) {
                    listener.onEvent(row.type(), row.eventId(), row.envelope());
                }
                if (outbox.markPublished(row.id(), clock.instant())) {
                    log.debug("Published event {} of type {}", row.eventId(), row.type());
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Delivery of event {} of type {} failed (attempt {})",
                        row.eventId(),
                        row.type(),
                        row.attempts() + 1,
                        e);
                outbox.markFailed(row.id(), e.getClass().getName());
            }
        }
    }
}
