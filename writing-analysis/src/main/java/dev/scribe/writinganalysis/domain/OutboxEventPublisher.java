package dev.scribe.writinganalysis.domain;

import dev.scribe.writinganalysis.core.events.EventJson;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transactional outbox: each event becomes a row of {@code outbox_event} in the caller's
 * transaction, together with its pending {@code outbox_delivery} row, so an event exists exactly
 * when its data change was committed. A relay publishes the rows afterwards.
 */
@Repository
public class OutboxEventPublisher implements EventPublisher {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EventPayloadCipher payloads;

    public OutboxEventPublisher(JdbcClient jdbc, Clock clock, EventPayloadCipher payloads) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.payloads = payloads;
    }

    @Override
    public void publish(EventEnvelope event) {
        Instant now = clock.instant();
        ObjectNode envelope = EventJson.toJson(event);
        payloads.encryptIfConfidential(envelope);

        jdbc.sql(
                        """
                        INSERT INTO outbox_event (event_id, type, envelope, created_at)
                        VALUES (:eventId, :type, :envelope, :createdAt)
                        """)
                .param("eventId", event.eventId())
                .param("type", event.type())
                .param("envelope", StoredJson.write(envelope))
                .param("createdAt", SqlTimes.toSql(now))
                .update();

        // The delivery row carries the relay's state, so the envelope row is never updated.
        jdbc.sql(
                        """
                        INSERT INTO outbox_delivery (outbox_id, attempts, next_attempt_at)
                        SELECT id, 0, created_at FROM outbox_event WHERE event_id = :eventId
                        """)
                .param("eventId", event.eventId())
                .update();
    }
}
