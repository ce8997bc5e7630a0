package dev.scribe.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scribe.gateway.queue.CountingDownstream.AppliedWrite;
import dev.scribe.platform.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes acknowledged with 202 survive a restart of the gateway: the restarted gateway still lists
 * them and replays each exactly once, in acceptance order per user, with the time of acceptance.
 */
class WriteQueueRestartTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void restartedGatewayDeliversEveryAcceptedWriteOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("write-queue-restart");
        int downstreamPort = QueueGateway.freePort();
        CountingDownstream downstream =
                new CountingDownstream(downstreamPort, QueueGateway.assertionVerifier());
        String alice = "student-a-" + UUID.randomUUID();
        String bob = "student-b-" + UUID.randomUUID();
        Map<String, String> acceptedAtByKey = new LinkedHashMap<>();
        List<String> aliceKeys = new ArrayList<>();
        List<String> bobKeys = new ArrayList<>();

        try (QueueGateway gateway = new QueueGateway(dataDir, downstreamPort)) {
            gateway.start();
            WebTestClient client = gateway.publicClient();
            for (int index = 0; index < 3; index++) {
                String key = "alice-" + index + "-" + UUID.randomUUID();
                aliceKeys.add(key);
                acceptedAtByKey.put(key, accept(client, alice, key, "{\"n\":" + index + "}"));
            }
            for (int index = 0; index < 2; index++) {
                String key = "bob-" + index + "-" + UUID.randomUUID();
                bobKeys.add(key);
                acceptedAtByKey.put(key, accept(client, bob, key, "{\"n\":" + index + "}"));
            }
            gateway.stop();

            gateway.start();
            // The restarted replayer may be trying the unreachable service at this moment.
            assertThat(statuses(gateway.publicClient(), alice))
                    .hasSize(3)
                    .allMatch(status -> status.equals("PENDING") || status.equals("REPLAYING"));

            downstream.start();
            await("replay after the restart")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> downstream.applied().size() == 5);

            for (String key : acceptedAtByKey.keySet()) {
                assertThat(downstream.appliedCount(key)).as(key).isEqualTo(1);
            }
            assertThat(appliedKeysOf(downstream, alice)).containsExactlyElementsOf(aliceKeys);
            assertThat(appliedKeysOf(downstream, bob)).containsExactlyElementsOf(bobKeys);
            for (AppliedWrite write : downstream.applied()) {
                assertThat(write.replayed()).isEqualTo("true");
                assertThat(write.acceptedAt())
                        .isEqualTo(acceptedAtByKey.get(write.idempotencyKey()));
            }
            await("all entries delivered")
                    .atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    statuses(gateway.publicClient(), alice).stream()
                                            .allMatch("DELIVERED"::equals));
        } finally {
            downstream.stop();
        }
    }

    private static String accept(WebTestClient client, String user, String key, String body) {
        byte[] response =
                client.post()
                        .uri("/api/writing-analysis/progress")
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                "Bearer " + QueueGateway.tokenFor(user, Role.STUDENT))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange()
                        .expectStatus()
                        .isAccepted()
                        .expectBody()
                        .returnResult()
                        .getResponseBody();
        return JSON.readTree(response).path("data").path("acceptedAt").asString();
    }

    private static List<String> statuses(WebTestClient client, String user) {
        byte[] response =
                client.get()
                        .uri("/api/queued-requests")
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                "Bearer " + QueueGateway.tokenFor(user, Role.STUDENT))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody();
        JsonNode items = JSON.readTree(response).path("data").path("items");
        return items.valueStream().map(item -> item.path("status").asString()).toList();
    }

    private static List<String> appliedKeysOf(CountingDownstream downstream, String user) {
        return downstream.applied().stream()
                .filter(write -> write.subject().equals(user))
                .map(AppliedWrite::idempotencyKey)
                .toList();
    }
}
