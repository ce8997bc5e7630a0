package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The replay endpoint of the gateway's durable outbox, over real HTTP with the real H2 database. An
 * entry is stored once per outbox id, and audit entries keep their time and tier and extend a valid
 * chain. Only a service token opens the path.
 */
class DegradedOutboxReplayTest extends ServiceTestSupport {

    private static final String PATH = DegradedOutboxController.PATH;
    private static final String OCCURRED_AT = "2026-12-04T09:15:30.123Z";
    private static final String ACTOR_PSEUDONYM = "0123456789abcdef".repeat(4);

    @Autowired JdbcClient jdbc;

    /**
     * Builds an audit entry as the gateway's local tier does, with the chain fields of an empty
     * trail.
     */
    private static String auditEntry(String eventId) {
        return """
                {"seq":1,"eventId":"%s","occurredAt":"%s","recordedAt":"%s",
                 "actorPseudonym":"%s","actorRole":"STUDENT",
                 "subjectPseudonym":null,"category":"authorization",
                 "action":"validate_educational_purpose","resourceType":"purpose_validation",
                 "resourcePseudonym":null,"purpose":null,"legalBasis":"legitimate_interest",
                 "outcome":"success","correlationId":"corr-replay-1","traceId":null,
                 "privacyLevel":"restricted",
                 "complianceFlags":{"gdpr":true,"ferpa":true,"coppa":true},
                 "details":{"tier":"local","valid":true},
                 "prevHash":"%s","entryHash":"%s"}
                """
                .formatted(
                        eventId,
                        OCCURRED_AT,
                        OCCURRED_AT,
                        ACTOR_PSEUDONYM,
                        "0".repeat(64),
                        "a".repeat(64));
    }

    private static String entry(String outboxId, String kind, String payload) {
        return """
                {"outboxId":"%s","kind":"%s","createdAt":"%s","payload":%s}
                """
                .formatted(outboxId, kind, OCCURRED_AT, payload);
    }

    private HttpResponse<String> replay(String body) {
        return send(
                request(PATH).header("Content-Type", "application/json").POST(json(body)).build());
    }

    private long auditRows(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    @Test
    void auditEntryIsStoredOncePerOutboxId() {
        String outboxId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String body = entry(outboxId, "audit", auditEntry(eventId));

        HttpResponse<String> first = replay(body);
        HttpResponse<String> second = replay(body);

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode firstData = body(first).path("data");
        assertThat(firstData.path("stored").asBoolean()).isTrue();
        assertThat(firstData.path("auditSeq").asLong()).isPositive();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(body(second).path("data").path("stored").asBoolean()).isFalse();
        assertThat(auditRows(eventId)).isEqualTo(1);
    }

    @Test
    void replayedAuditEntryKeepsChainValid() {
        String eventId = UUID.randomUUID().toString();

        HttpResponse<String> response =
                replay(entry(UUID.randomUUID().toString(), "audit", auditEntry(eventId)));

        assertThat(response.statusCode()).isEqualTo(200);
        long seq = body(response).path("data").path("auditSeq").asLong();
        String details =
                jdbc.sql("SELECT details FROM audit_event WHERE seq = :seq")
                        .param("seq", seq)
                        .query(String.class)
                        .single();
        assertThat(details).contains("\"tier\":\"local\"");
        java.time.OffsetDateTime occurredAt =
                jdbc.sql("SELECT occurred_at FROM audit_event WHERE seq = :seq")
                        .param("seq", seq)
                        .query(java.time.OffsetDateTime.class)
                        .single();
        assertThat(occurredAt.toInstant()).isEqualTo(java.time.Instant.parse(OCCURRED_AT));
        String prevHash =
                jdbc.sql("SELECT prev_hash FROM audit_event WHERE seq = :seq")
                        .param("seq", seq)
                        .query(String.class)
                        .single();
        assertThat(prevHash).isNotEqualTo("a".repeat(64));

        HttpResponse<String> verify =
                get(TestAssertions.demoAdministrator(), "/admin/audit/verify?from=1");
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(body(verify).path("data").path("valid").asBoolean()).isTrue();
    }

    @Test
    void eventGoesToTheServiceOutbox() {
        String eventId = UUID.randomUUID().toString();
        String event =
                """
                {"eventId":"%s","type":"content.classified","version":1,
                 "occurredAt":"%s","producer":"writing-analysis","correlationId":"corr-replay-2",
                 "traceparent":null,"subjectPseudonym":null,
                 "metadata":{"courseId":null,"assignmentId":null,
                             "source":"classify_content_sensitivity"},
                 "privacyLevel":"restricted",
                 "privacyContext":{"dataMinimized":true,"consentVerified":false,
                                   "educationalPurpose":null,"retentionPeriodDays":365},
                 "encrypted":false,"keyId":null,"category":null,
                 "payload":{"sensitivityLevel":"high","elementCount":2}}
                """
                        .formatted(eventId, OCCURRED_AT);
        String body = entry(UUID.randomUUID().toString(), "event", event);

        assertThat(replay(body).statusCode()).isEqualTo(200);
        assertThat(replay(body).statusCode()).isEqualTo(200);

        long rows =
                jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_id = :id")
                        .param("id", eventId)
                        .query(Long.class)
                        .single();
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void requestWithoutServiceTokenIsRejected() {
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(uri(PATH))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(
                                        json(
                                                entry(
                                                        UUID.randomUUID().toString(),
                                                        "audit",
                                                        auditEntry(eventId))))
                                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).path("error").path("code").asString())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(auditRows(eventId)).isZero();
    }

    @Test
    void unknownKindIsRejectedWithItsField() {
        HttpResponse<String> response =
                replay(entry(UUID.randomUUID().toString(), "progress", "{}"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = body(response).path("error");
        assertThat(error.path("code").asString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.path("details").toString()).contains("kind");
    }

    @Test
    void auditEntryWithoutAPseudonymIsRejected() {
        String eventId = UUID.randomUUID().toString();
        String payload = auditEntry(eventId).replace(ACTOR_PSEUDONYM, "student-demo");

        HttpResponse<String> response =
                replay(entry(UUID.randomUUID().toString(), "audit", payload));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).path("error").path("details").toString())
                .contains("payload.actorPseudonym");
        assertThat(auditRows(eventId)).isZero();
    }

    @Test
    void malformedAuditPayloadStoresNothing() {
        String outboxId = UUID.randomUUID().toString();

        HttpResponse<String> response = replay(entry(outboxId, "audit", "{\"eventId\":\"x\"}"));

        assertThat(response.statusCode()).isEqualTo(400);
        long claimed =
                jdbc.sql("SELECT COUNT(*) FROM degraded_outbox_replay WHERE outbox_id = :id")
                        .param("id", outboxId)
                        .query(Long.class)
                        .single();
        assertThat(claimed).isZero();
    }
}
