package dev.scribe.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scribe.gateway.queue.CountingDownstream.AppliedWrite;
import dev.scribe.gateway.queue.CountingDownstream.Mode;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.platform.security.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write queue end to end inside one gateway: when writes are queued and when not, the 202,
 * replay with the original idempotency key, ordering, limits, the user's and the administrator's
 * views, and the encrypted body at rest.
 */
class WriteQueueTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REPLAY_WAIT = Duration.ofSeconds(20);

    private static Path dataDir;
    private static CountingDownstream downstream;
    private static QueueGateway gateway;

    private WebTestClient client;

    @BeforeAll
    static void startGateway() throws IOException {
        dataDir = Files.createTempDirectory("write-queue-test");
        int downstreamPort = QueueGateway.freePort();
        downstream = new CountingDownstream(downstreamPort, QueueGateway.assertionVerifier());
        downstream.start();
        gateway = new QueueGateway(dataDir, downstreamPort);
        gateway.start();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
        downstream.stop();
    }

    @BeforeEach
    void resetDownstream() {
        downstream.stop();
        downstream.mode(Mode.NORMAL);
        downstream.start();
        client = gateway.publicClient();
    }

    @AfterEach
    void closeCircuit() {
        breaker().reset();
    }

    @Test
    void noInstanceQueuesWithAccepted() {
        String user = newUser();

        EntityExchangeResult<byte[]> result =
                post("/api/nobody/items", user, "{\"item\":1}", null)
                        .expectStatus()
                        .isAccepted()
                        .expectBody()
                        .returnResult();

        JsonNode body = json(result);
        HttpHeaders headers = result.getResponseHeaders();
        String requestId = body.path("data").path("requestId").asString();
        String generatedKey = headers.getFirst("Idempotency-Key");
        assertThat(generatedKey).isNotBlank();
        assertThat(UUID.fromString(generatedKey)).isNotNull();
        assertThat(headers.getFirst(HttpHeaders.LOCATION))
                .isEqualTo("/api/queued-requests/" + requestId);
        assertThat(headers.getFirst("X-Queued")).isEqualTo("true");
        assertThat(headers.getFirst("X-Service-Tier")).isEqualTo("local");
        assertThat(headers.getFirst("X-Degraded")).isEqualTo("true");
        assertThat(headers.getFirst("X-Correlation-ID")).isNotBlank();

        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("data").path("queued").asBoolean()).isTrue();
        assertThat(body.path("data").path("idempotencyKey").asString()).isEqualTo(generatedKey);
        assertThat(body.path("data").path("status").asString()).isEqualTo("PENDING");
        assertThat(body.path("data").path("acceptedAt").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode meta = body.path("meta");
        assertThat(meta.path("tier").asString()).isEqualTo("local");
        assertThat(meta.path("degraded").asBoolean()).isTrue();
        assertThat(meta.path("notices").toString()).isEqualTo("[\"QUEUED\"]");
        assertThat(meta.path("message").asString()).contains("applied when the service is back");
        assertThat(meta.path("correlationId").asString())
                .isEqualTo(headers.getFirst("X-Correlation-ID"));

        client.get()
                .uri(headers.getFirst(HttpHeaders.LOCATION))
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.status")
                .isEqualTo("PENDING")
                .jsonPath("$.data.requestId")
                .isEqualTo(requestId);
    }

    @Test
    void refusedConnectionQueuesAndReplaysOnce() {
        String user = newUser();
        String key = "refused-" + UUID.randomUUID();
        downstream.stop();

        EntityExchangeResult<byte[]> result =
                post("/api/writing-analysis/progress", user, "{\"words\":120}", key)
                        .expectStatus()
                        .isAccepted()
                        .expectBody()
                        .returnResult();
        assertThat(result.getResponseHeaders().getFirst("Idempotency-Key")).isEqualTo(key);
        String acceptedAt = json(result).path("data").path("acceptedAt").asString();

        downstream.start();
        await("replay of the refused write")
                .atMost(REPLAY_WAIT)
                .until(() -> downstream.appliedCount(key) == 1);

        AppliedWrite write =
                downstream.applied().stream()
                        .filter(applied -> applied.idempotencyKey().equals(key))
                        .findFirst()
                        .orElseThrow();
        assertThat(write.subject()).isEqualTo(user);
        assertThat(write.body()).isEqualTo("{\"words\":120}");
        assertThat(write.replayed()).isEqualTo("true");
        assertThat(write.acceptedAt()).isEqualTo(acceptedAt);
        assertThat(write.path()).isEqualTo("/api/writing-analysis/progress");
        awaitStatus(user, json(result).path("data").path("requestId").asString(), "DELIVERED");
    }

    @Test
    void refusingOnlyInstanceQueues() {
        post("/api/refusing/items", newUser(), "{}", null).expectStatus().isAccepted();
    }

    @Test
    void openCircuitQueuesWithoutCallingService() {
        String user = newUser();
        String key = "circuit-" + UUID.randomUUID();
        breaker().forceOpen();

        post("/api/circuit/items", user, "{\"n\":1}", key).expectStatus().isAccepted();

        assertThat(downstream.receivedKeys()).doesNotContain(key);

        breaker().reset();
        await("replay after the circuit closed")
                .atMost(REPLAY_WAIT)
                .until(() -> downstream.appliedCount(key) == 1);
    }

    @Test
    void serverErrorIsNotQueued() {
        String user = newUser();
        downstream.mode(Mode.PLAIN_500);

        post("/api/writing-analysis/progress", user, "{}", "fail-" + UUID.randomUUID())
                .expectStatus()
                .isEqualTo(502)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("UPSTREAM_ERROR");

        assertThat(ownEntries(user)).isEmpty();
    }

    @Test
    void timeoutIsNotQueued() {
        String user = newUser();
        downstream.mode(Mode.SLOW);

        post("/api/writing-analysis/progress", user, "{}", "slow-" + UUID.randomUUID())
                .expectStatus()
                .isEqualTo(504)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("UPSTREAM_TIMEOUT");

        assertThat(ownEntries(user)).isEmpty();
    }

    @Test
    void generatedKeyIsForwardedWhenServiceAnswers() {
        String user = newUser();

        EntityExchangeResult<byte[]> result =
                post("/api/writing-analysis/audit", user, "{\"a\":1}", null)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult();

        String key = result.getResponseHeaders().getFirst("Idempotency-Key");
        assertThat(key).isNotBlank();
        assertThat(downstream.appliedCount(key)).isEqualTo(1);
        assertThat(result.getResponseHeaders().getFirst("X-Queued")).isNull();
    }

    @Test
    void nonQueueableWriteIsNotQueued() {
        downstream.stop();

        post("/api/writing-analysis/patterns", newUser(), "{}", null)
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("UPSTREAM_UNAVAILABLE");
    }

    @Test
    void invalidIdempotencyKeyIsRejected() {
        post("/api/nobody/items", newUser(), "{}", "x".repeat(256))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("INVALID_ARGUMENT")
                .jsonPath("$.error.details[0].field")
                .isEqualTo("Idempotency-Key");
    }

    @Test
    void writesOfOneResourceReplayInOrder() {
        String user = newUser();
        downstream.stop();
        List<String> keys =
                List.of("order-1-" + user, "order-2-" + user, "order-3-" + user, "order-4-" + user);
        for (String key : keys) {
            put(
                            "/api/writing-analysis/documents/doc-7/content",
                            user,
                            "{\"v\":\"" + key + "\"}",
                            key)
                    .expectStatus()
                    .isAccepted();
        }

        downstream.start();
        // Written while earlier writes of the same document still wait: queued behind them.
        String last = "order-5-" + user;
        put("/api/writing-analysis/documents/doc-7/content", user, "{\"v\":\"last\"}", last)
                .expectStatus()
                .isAccepted();

        await("replay of all five writes")
                .atMost(REPLAY_WAIT)
                .until(() -> downstream.appliedCount(last) == 1);
        List<String> order =
                downstream.applied().stream()
                        .filter(write -> write.subject().equals(user))
                        .map(AppliedWrite::idempotencyKey)
                        .toList();
        assertThat(order).containsExactly(keys.get(0), keys.get(1), keys.get(2), keys.get(3), last);
    }

    @Test
    void pendingLimitGivesQueueFull() {
        String user = newUser();
        for (int index = 0; index < 5; index++) {
            post("/api/nobody/items", user, "{}", null).expectStatus().isAccepted();
        }

        EntityExchangeResult<byte[]> result =
                post("/api/nobody/items", user, "{}", null)
                        .expectStatus()
                        .isEqualTo(503)
                        .expectBody()
                        .returnResult();

        assertThat(json(result).path("error").path("code").asString()).isEqualTo("QUEUE_FULL");
        assertThat(json(result).path("error").path("retryable").asBoolean()).isTrue();
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(ownEntries(user)).hasSize(5);
    }

    @Test
    void usersSeeOnlyOwnEntries() {
        String owner = newUser();
        String other = newUser();
        String requestId =
                json(post("/api/nobody/items", owner, "{}", null)
                                .expectStatus()
                                .isAccepted()
                                .expectBody()
                                .returnResult())
                        .path("data")
                        .path("requestId")
                        .asString();

        client.get()
                .uri("/api/queued-requests/" + requestId)
                .header(HttpHeaders.AUTHORIZATION, bearer(other))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("NOT_FOUND");
        assertThat(ownEntries(other)).isEmpty();
        assertThat(ownEntries(owner)).hasSize(1);
        client.get().uri("/api/queued-requests").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void bodyIsEncryptedAtRest() {
        String user = newUser();
        String marker = "plain-marker-" + UUID.randomUUID();
        String requestId =
                json(post("/api/nobody/items", user, "{\"text\":\"" + marker + "\"}", null)
                                .expectStatus()
                                .isAccepted()
                                .expectBody()
                                .returnResult())
                        .path("data")
                        .path("requestId")
                        .asString();

        byte[] stored =
                gateway.context()
                        .getBean(JdbcClient.class)
                        .sql("SELECT body FROM queued_request WHERE id = :id")
                        .param("id", UUID.fromString(requestId))
                        .query(byte[].class)
                        .single();

        assertThat(stored).isNotEmpty();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(marker);
    }

    @Test
    void adminEndpointsNeedAdministrator() {
        gateway.managementClient()
                .get()
                .uri("/admin/queue")
                .header(HttpHeaders.AUTHORIZATION, bearer(newUser()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("FORBIDDEN");
        gateway.managementClient()
                .get()
                .uri("/admin/queue")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void adminDiscardsWithReasonAndAudit() {
        String user = newUser();
        // The open circuit keeps the entry PENDING: the replayer leaves it alone.
        breaker().forceOpen();
        String requestId =
                json(post("/api/circuit/items", user, "{}", null)
                                .expectStatus()
                                .isAccepted()
                                .expectBody()
                                .returnResult())
                        .path("data")
                        .path("requestId")
                        .asString();
        String admin = QueueGateway.tokenFor("admin-" + UUID.randomUUID(), Role.ADMINISTRATOR);

        gateway.managementClient()
                .post()
                .uri("/admin/queue/" + requestId + "/discard")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.details[0].field")
                .isEqualTo("X-Admin-Reason");

        gateway.managementClient()
                .get()
                .uri("/admin/queue?status=PENDING&limit=1000")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.items[?(@.requestId == '" + requestId + "')].status")
                .isEqualTo("PENDING");

        gateway.managementClient()
                .post()
                .uri("/admin/queue/" + requestId + "/discard")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .header("X-Admin-Reason", "Duplicate entry reported by the student")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.status")
                .isEqualTo("DISCARDED");

        gateway.managementClient()
                .post()
                .uri("/admin/queue/" + requestId + "/retry")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .header("X-Admin-Reason", "Try again")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("CONFLICT");

        Map<String, Object> audit =
                gateway.context()
                        .getBean(JdbcClient.class)
                        .sql(
                                "SELECT action, reason FROM queue_admin_action"
                                        + " WHERE queued_request_id = :id")
                        .param("id", UUID.fromString(requestId))
                        .query()
                        .singleRow();
        assertThat(audit.get("ACTION")).isEqualTo("DISCARD");
        assertThat(audit.get("REASON")).isEqualTo("Duplicate entry reported by the student");
        awaitStatus(user, requestId, "DISCARDED");
    }

    @Test
    void rejectedReplayIsRejectedAndAdminCanRetry() {
        String user = newUser();
        String key = "reject-" + UUID.randomUUID();
        downstream.stop();
        String requestId =
                json(post("/api/writing-analysis/audit", user, "{}", key)
                                .expectStatus()
                                .isAccepted()
                                .expectBody()
                                .returnResult())
                        .path("data")
                        .path("requestId")
                        .asString();
        downstream.mode(Mode.REJECT_400);
        downstream.start();

        JsonNode rejected = awaitStatus(user, requestId, "REJECTED");
        assertThat(rejected.path("lastError").asString()).isEqualTo("HTTP_400:INVALID_ARGUMENT");

        downstream.mode(Mode.NORMAL);
        String admin = QueueGateway.tokenFor("admin-" + UUID.randomUUID(), Role.ADMINISTRATOR);
        gateway.managementClient()
                .post()
                .uri("/admin/queue/" + requestId + "/retry")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .header("X-Admin-Reason", "The service accepts the format now")
                .exchange()
                .expectStatus()
                .isOk();
        awaitStatus(user, requestId, "DELIVERED");
        assertThat(downstream.appliedCount(key)).isEqualTo(1);
    }

    @Test
    void metricsShowDepthAndReplays() {
        String user = newUser();
        String key = "metric-" + UUID.randomUUID();
        downstream.stop();
        post("/api/writing-analysis/progress", user, "{}", key).expectStatus().isAccepted();
        post("/api/refusing/items", user, "{}", null).expectStatus().isAccepted();
        downstream.start();
        await().atMost(REPLAY_WAIT).until(() -> downstream.appliedCount(key) == 1);

        await("metrics refresh")
                .atMost(REPLAY_WAIT)
                .untilAsserted(
                        () -> {
                            String metrics =
                                    new String(
                                            gateway.managementClient()
                                                    .get()
                                                    .uri("/actuator/prometheus")
                                                    .exchange()
                                                    .expectStatus()
                                                    .isOk()
                                                    .expectBody()
                                                    .returnResult()
                                                    .getResponseBody(),
                                            StandardCharsets.UTF_8);
                            assertThat(metrics)
                                    .containsPattern(
                                            "gateway_queue_depth\\{[^}]*service=\"queue-service\","
                                                    + "status=\"DELIVERED\"}");
                            assertThat(metrics)
                                    .containsPattern(
                                            "gateway_queue_replayed_total\\{[^}]*outcome="
                                                    + "\"delivered\",service=\"queue-service\"}");
                            assertThat(metrics)
                                    .containsPattern(
                                            "gateway_queue_oldest_age_seconds\\{[^}]*service="
                                                    + "\"refusing-service\"}");
                        });
    }

    private JsonNode awaitStatus(String user, String requestId, String status) {
        JsonNode[] last = new JsonNode[1];
        await("entry " + requestId + " to become " + status)
                .atMost(REPLAY_WAIT)
                .until(
                        () -> {
                            last[0] =
                                    json(client.get()
                                                    .uri("/api/queued-requests/" + requestId)
                                                    .header(HttpHeaders.AUTHORIZATION, bearer(user))
                                                    .exchange()
                                                    .expectStatus()
                                                    .isOk()
                                                    .expectBody()
                                                    .returnResult())
                                            .path("data");
                            return status.equals(last[0].path("status").asString());
                        });
        return last[0];
    }

    private List<JsonNode> ownEntries(String user) {
        JsonNode items =
                json(client.get()
                                .uri("/api/queued-requests")
                                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody()
                                .returnResult())
                        .path("data")
                        .path("items");
        return items.valueStream().toList();
    }

    private WebTestClient.ResponseSpec post(String path, String user, String body, String key) {
        WebTestClient.RequestBodySpec request =
                client.post()
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, bearer(user))
                        .contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(String path, String user, String body, String key) {
        return client.put()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static CircuitBreakers.Circuit breaker() {
        return gateway.context().getBean(CircuitBreakers.class).circuit("circuit-service");
    }

    private static String newUser() {
        return "student-" + UUID.randomUUID();
    }

    private static String bearer(String user) {
        return "Bearer " + QueueGateway.tokenFor(user, Role.STUDENT);
    }

    private static JsonNode json(EntityExchangeResult<byte[]> result) {
        return JSON.readTree(result.getResponseBody());
    }
}
