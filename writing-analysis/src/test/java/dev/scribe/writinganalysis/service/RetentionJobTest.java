package dev.scribe.writinganalysis.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.port.WritingSessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The retention pass deletes only expired rows and records each deletion as an event. */
class RetentionJobTest extends ServiceTestSupport {

    @Autowired RetentionJob job;
    @Autowired WritingSessionStore sessions;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void expiredSession_isDeletedAndReported() {
        Instant now = clock.instant();
        String expired = "retention-old-" + UUID.randomUUID();
        String current = "retention-new-" + UUID.randomUUID();
        Instant longAgo = now.minus(Duration.ofDays(731));
        sessions.save(
                new WritingSession(expired, "student-demo-6", null, 10, 60, 0, longAgo, longAgo));
        sessions.save(new WritingSession(current, "student-demo-6", null, 10, 60, 0, now, now));

        Map<String, Integer> deleted = job.run();

        assertThat(deleted.get("progress_data")).isGreaterThanOrEqualTo(1);
        assertThat(sessions.find(expired)).isEmpty();
        assertThat(sessions.find(current)).isPresent();
        JsonNode event =
                JSON.readTree(
                        jdbc.sql(
                                        "SELECT envelope FROM outbox_event WHERE type ="
                                                + " 'privacy.retention.action' ORDER BY id DESC"
                                                + " LIMIT 1")
                                .query(String.class)
                                .single());
        assertThat(event.path("category").asString()).isEqualTo("compliance");
        assertThat(event.path("payload").path("dataType").asString()).isEqualTo("progress_data");
        assertThat(event.path("payload").path("recordCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(event.path("payload").path("irreversible").asBoolean()).isTrue();
    }
}
