package dev.scribe.writinganalysis.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.config.RetentionProperties;
import dev.scribe.writinganalysis.core.EngineConfig;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.port.WritingSessionStore;
import dev.scribe.writinganalysis.domain.RetentionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * The retention pass, run with a clock set into the future: it deletes only rows older than their
 * data class's period and records every purge with an audit entry and a privacy event.
 */
class RetentionJobTest extends ServiceTestSupport {

    @Autowired RetentionRepository retention;
    @Autowired EventPublisher events;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired RetentionProperties properties;
    @Autowired AuditTrailStore auditTrail;
    @Autowired EngineConfig engineConfig;
    @Autowired WritingSessionStore sessions;
    @Autowired JdbcClient jdbc;

    @Test
    void expiredSession_isDeletedAuditedAndReported() {
        Instant written = Instant.parse("2020-03-01T10:00:00Z");
        // 729 and 731 days after the write: the 730-day period of progress_data ends in between.
        Clock beforeExpiry = Clock.fixed(written.plus(Duration.ofDays(729)), ZoneOffset.UTC);
        Clock afterExpiry = Clock.fixed(written.plus(Duration.ofDays(731)), ZoneOffset.UTC);
        String expiring = "retention-old-" + UUID.randomUUID();
        sessions.save(
                new WritingSession(expiring, "student-demo-6", null, 10, 60, 0, written, written));

        job(beforeExpiry).run();
        assertThat(sessions.find(expiring)).isPresent();

        long headBefore = auditTrail.head().seq();
        Map<String, Integer> deleted = job(afterExpiry).run();

        assertThat(sessions.find(expiring)).isEmpty();
        assertThat(deleted.get("progress_data")).isGreaterThanOrEqualTo(1);
        assertThat(deleted)
                .containsOnlyKeys("writing_content", "reflection", "progress_data", "analytics");

        List<AuditEntry> entries =
                auditTrail.range(headBefore + 1, auditTrail.head().seq()).stream()
                        .filter(entry -> entry.action().equals(RetentionJob.AUDIT_ACTION))
                        .toList();
        assertThat(entries)
                .extracting(AuditEntry::resourceType)
                .containsExactly("writing_content", "reflection", "progress_data", "analytics");
        AuditEntry progressEntry = entries.get(2);
        assertThat(progressEntry.category()).isEqualTo("data_modification");
        assertThat(progressEntry.occurredAt()).isEqualTo(afterExpiry.instant());
        assertThat(progressEntry.details().path("recordCount").asInt())
                .isEqualTo(deleted.get("progress_data"));
        assertThat(progressEntry.actorPseudonym()).hasSize(64);

        JsonNode event = retentionEvent(progressEntry.correlationId(), "progress_data");
        assertThat(event.path("category").asString()).isEqualTo("compliance");
        assertThat(event.path("payload").path("action").asString()).isEqualTo("delete");
        assertThat(event.path("payload").path("reason").asString()).isEqualTo("policy-expiration");
        assertThat(event.path("payload").path("recordCount").asInt())
                .isEqualTo(deleted.get("progress_data"));
        assertThat(event.path("payload").path("executionTimestamp").asString())
                .isEqualTo(Json.timestamp(afterExpiry.instant()));
        assertThat(event.path("payload").path("irreversible").asBoolean()).isTrue();
    }

    private RetentionJob job(Clock clock) {
        return new RetentionJob(
                retention, events, transactionManager, properties, clock, auditTrail, engineConfig);
    }

    private JsonNode retentionEvent(String correlationId, String dataClass) {
        List<String> envelopes =
                jdbc.sql(
                                "SELECT envelope FROM outbox_event WHERE type ="
                                        + " 'privacy.retention.action' ORDER BY id DESC LIMIT 20")
                        .query(String.class)
                        .list();
        return envelopes.stream()
                .map(JSON::readTree)
                .filter(event -> event.path("correlationId").asString().equals(correlationId))
                .filter(
                        event ->
                                event.path("payload").path("dataType").asString().equals(dataClass))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "No retention event for "
                                                + dataClass
                                                + " in run "
                                                + correlationId));
    }
}
