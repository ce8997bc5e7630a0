package dev.scribe.writinganalysis.api;

import static dev.scribe.writinganalysis.api.CanonicalRoutesTest.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code Idempotency-Key} on the progress and audit POSTs: replay and conflict. */
class IdempotencyTest extends ServiceTestSupport {

    private static final String PROGRESS = "/api/writing-analysis/progress";
    private static final String AUDIT = "/api/writing-analysis/audit";

    @Autowired JdbcClient jdbc;

    @Test
    void repeatedKey_replaysStoredResponse() {
        String key = "key-" + UUID.randomUUID();
        String body = CanonicalRoutesTest.progressBody("session-" + UUID.randomUUID(), 120);

        HttpResponse<String> first = postWithKey(PROGRESS, body, key);
        HttpResponse<String> second = postWithKey(PROGRESS, body, key);

        assertSuccess(first);
        assertSuccess(second);
        JsonNode firstBody = body(first);
        JsonNode secondBody = body(second);
        assertThat(secondBody.path("data")).isEqualTo(firstBody.path("data"));
        assertThat(firstBody.path("meta").path("notices").toString())
                .doesNotContain("IDEMPOTENT_REPLAY");
        assertThat(secondBody.path("meta").path("notices").toString())
                .contains("IDEMPOTENT_REPLAY");
    }

    @Test
    void repeatedAuditKey_appendsOneEntry() {
        String key = "key-" + UUID.randomUUID();
        String body = CanonicalRoutesTest.auditBody();

        HttpResponse<String> first = postWithKey(AUDIT, body, key);
        long countAfterFirst = auditEntries();
        HttpResponse<String> second = postWithKey(AUDIT, body, key);

        assertSuccess(first);
        assertSuccess(second);
        assertThat(body(second).path("data").path("auditId").asString())
                .isEqualTo(body(first).path("data").path("auditId").asString());
        assertThat(auditEntries()).isEqualTo(countAfterFirst);
    }

    @Test
    void reusedKeyWithOtherBody_returns409() {
        String key = "key-" + UUID.randomUUID();
        String session = "session-" + UUID.randomUUID();

        HttpResponse<String> first =
                postWithKey(PROGRESS, CanonicalRoutesTest.progressBody(session, 120), key);
        HttpResponse<String> second =
                postWithKey(PROGRESS, CanonicalRoutesTest.progressBody(session, 130), key);

        assertSuccess(first);
        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode error = body(second).path("error");
        assertThat(error.path("code").asString()).isEqualTo("CONFLICT");
        assertThat(error.path("details").get(0).path("field").asString())
                .isEqualTo("Idempotency-Key");
    }

    @Test
    void invalidKey_returns400() {
        HttpResponse<String> response =
                postWithKey(
                        PROGRESS,
                        CanonicalRoutesTest.progressBody("session-" + UUID.randomUUID(), 10),
                        "x".repeat(256));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).path("error").path("code").asString())
                .isEqualTo("INVALID_ARGUMENT");
    }

    private HttpResponse<String> postWithKey(String path, String body, String key) {
        return send(
                as(TestAssertions.demoStudent(), path)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(json(body))
                        .build());
    }

    private long auditEntries() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }
}
