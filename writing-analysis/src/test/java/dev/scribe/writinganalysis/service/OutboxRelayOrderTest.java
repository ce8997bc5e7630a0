package dev.scribe.writinganalysis.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.config.OutboxProperties;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import dev.scribe.writinganalysis.domain.OutboxRepository;
import dev.scribe.writinganalysis.domain.OutboxRow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The relay's order and retry rules on the real database, driven run by run with a clock the test
 * moves: a failing subject waits for its back-off with all its later events, other subjects go on,
 * and published rows are deleted after their retention.
 */
class OutboxRelayOrderTest extends ServiceTestSupport {

    /** Lease of every relay here, so that a test's relay takes over quickly and gives up soon. */
    private static final long LEASE_MS = 1000;

    /**
     * Gives the context a database of its own and a scheduled relay that runs once at start and
     * then stays idle, so only the test's relay publishes these rows.
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        OwnDatabase.register(registry, "wa-outbox-order-test");
        registry.add("platform.outbox.relay-interval-ms", () -> "60000");
        registry.add("platform.outbox.lease-ms", () -> String.valueOf(LEASE_MS));
    }

    /** Clock of the previous test's relay, whose lease the next relay must outlast. */
    private static MutableClock previousClock;

    /**
     * Returns a clock just past the expiry of every earlier lease (the context's relay and earlier
     * tests' relays), but close to real time, so the test's own lease also ends seconds after the
     * test.
     */
    private static synchronized MutableClock relayClock() {
        Instant start = Instant.now().plusMillis(2 * LEASE_MS + 500);
        if (previousClock != null) {
            Instant afterPreviousLease = previousClock.instant().plusMillis(LEASE_MS + 1);
            start = start.isAfter(afterPreviousLease) ? start : afterPreviousLease;
        }
        previousClock = new MutableClock(start);
        return previousClock;
    }

    @Autowired OutboxRepository outbox;
    @Autowired EventPublisher events;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcClient jdbc;

    @Test
    void failingSubject_waitsWithoutBlockingOthers() {
        MutableClock clock = relayClock();
        RecordingTransport transport = new RecordingTransport();
        OutboxRelay relay = relay(transport, clock);
        String subjectA = "a".repeat(63) + "1";
        String subjectB = "b".repeat(63) + "1";
        List<String> written = new ArrayList<>();
        written.add(write(subjectA, 0));
        written.add(write(subjectB, 1));
        written.add(write(subjectA, 2));
        written.add(write(subjectB, 3));

        transport.failing.add(subjectA);
        relay.relay();

        assertThat(transport.delivered).containsExactly(written.get(1), written.get(3));
        assertThat(transport.attempted)
                .containsExactly(written.get(0), written.get(1), written.get(3));

        // The broker is back, but the back-off of subject A (1000 ms) has not passed.
        transport.failing.clear();
        clock.advance(Duration.ofMillis(500));
        relay.relay();
        assertThat(transport.delivered).containsExactly(written.get(1), written.get(3));

        clock.advance(Duration.ofMillis(600));
        relay.relay();
        assertThat(transport.delivered)
                .containsExactly(written.get(1), written.get(3), written.get(0), written.get(2));
        assertThat(outbox.pending(100))
                .extracting(OutboxRow::eventId)
                .doesNotContainAnyElementsOf(written);
        assertThat(attemptsOf(written.get(0))).isEqualTo(2);
    }

    @Test
    void publishedRows_areDeletedAfterRetention() {
        MutableClock clock = relayClock();
        RecordingTransport transport = new RecordingTransport();
        String eventId = write("c".repeat(64), 0);
        relay(transport, clock).relay();
        assertThat(transport.delivered).contains(eventId);

        // Purging takes no lease, so a relay with a clock days ahead cannot block later relays.
        MutableClock later = new MutableClock(clock.instant());
        OutboxRelay purger = relay(transport, later);
        later.advance(Duration.ofDays(6));
        purger.purgePublished();
        assertThat(rowsOf(eventId)).isEqualTo(1);

        later.advance(Duration.ofDays(2));
        purger.purgePublished();
        assertThat(rowsOf(eventId)).isZero();
    }

    private OutboxRelay relay(OutboxTransport transport, Clock clock) {
        OutboxProperties properties =
                new OutboxProperties(
                        OutboxProperties.Transport.IN_PROCESS,
                        500,
                        100,
                        1000,
                        60_000,
                        LEASE_MS,
                        7,
                        new OutboxProperties.Rabbitmq("", 5000));
        return new OutboxRelay(outbox, transport, properties, clock, new SimpleMeterRegistry());
    }

    private String write(String subject, int sequence) {
        ObjectNode payload = Json.object();
        payload.put("subjectPseudonym", subject);
        payload.put("sequence", sequence);
        EventEnvelope event =
                new EventEnvelope(
                        UUID.randomUUID().toString(),
                        "writing.analyzed",
                        1,
                        Instant.now(),
                        "writing-analysis",
                        "outbox-order-test",
                        null,
                        subject,
                        new EventEnvelope.Metadata(null, null, "analyze_writing_patterns"),
                        "confidential",
                        new EventEnvelope.PrivacyContext(true, true, "writing_improvement", 365),
                        false,
                        null,
                        null,
                        payload);
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> events.publish(event));
        return event.eventId();
    }

    private int attemptsOf(String eventId) {
        return jdbc.sql(
                        "SELECT d.attempts FROM outbox_delivery d JOIN outbox_event e ON e.id ="
                                + " d.outbox_id WHERE e.event_id = :id")
                .param("id", eventId)
                .query(Integer.class)
                .single();
    }

    private long rowsOf(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    /** Records every attempt and fails those of the subjects in {@code failing}. */
    private static final class RecordingTransport implements OutboxTransport {

        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final List<String> attempted = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();

        @Override
        public void deliver(OutboxRow row) {
            attempted.add(row.eventId());
            if (failing.contains(row.orderingKey())) {
                throw new IllegalStateException("Test transport failed the delivery on purpose");
            }
            delivered.add(row.eventId());
        }
    }

    /** A clock that only the test moves. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
