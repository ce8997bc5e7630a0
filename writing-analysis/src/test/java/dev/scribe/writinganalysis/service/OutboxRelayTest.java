package dev.scribe.writinganalysis.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Events of a tool call reach the in-process listeners and are marked published. */
@Import(OutboxRelayTest.RecordingListener.class)
class OutboxRelayTest extends ServiceTestSupport {

    /**
     * Gives this test a database of its own: the other test contexts share the default one, and
     * their relays, which have no listener, could publish this test's events first.
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        OwnDatabase.register(registry, "wa-outbox-test");
    }

    @Autowired RecordingListener listener;
    @Autowired JdbcClient jdbc;

    @Test
    void toolEvents_reachListenersOnce() {
        String correlationId = "outbox-relay-test-0001";

        HttpResponse<String> response =
                send(
                        as(TestAssertions.demoStudent(), "/api/writing-analysis/sensitivity")
                                .header(CorrelationIds.HEADER, correlationId)
                                .header("Content-Type", "application/json")
                                .POST(json("{\"content\":\"A calm paragraph.\"}"))
                                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !listener.eventsOf(correlationId).isEmpty());
        JsonNode event = listener.eventsOf(correlationId).get(0);
        assertThat(event.path("type").asString()).isEqualTo("content.classified");
        assertThat(event.path("producer").asString()).isEqualTo("writing-analysis");
        assertThat(event.path("payload").toString()).doesNotContain("calm paragraph");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pendingEventsOf(event.path("eventId").asString()) == 0);
    }

    private long pendingEventsOf(String eventId) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM outbox_event e JOIN outbox_delivery d ON"
                                + " d.outbox_id = e.id WHERE e.event_id = :id AND d.published_at"
                                + " IS NULL")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    /** Keeps every delivered envelope. */
    @TestConfiguration
    static class RecordingListener implements OutboxListener {

        private final List<JsonNode> envelopes = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(String type, String eventId, JsonNode envelope) {
            envelopes.add(envelope);
        }

        List<JsonNode> eventsOf(String correlationId) {
            return envelopes.stream()
                    .filter(e -> e.path("correlationId").asString().equals(correlationId))
                    .toList();
        }
    }
}
