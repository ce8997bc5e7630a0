package dev.scribe.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.scribe.platform.security.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The write queue with profile {@code postgres}: migrations, a queued write and its replay on the
 * shared PostgreSQL server, in a schema of this test run that is dropped afterwards. Skipped when
 * no PostgreSQL server answers on 127.0.0.1:5432.
 */
class WriteQueuePostgresTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void postgresQueueStoresAndReplays() throws Exception {
        assumeThat(postgresAvailable())
                .as("PostgreSQL on 127.0.0.1:5432 (database test, user postgres)")
                .isTrue();
        String schema = newSchemaName();
        Path dataDir = Files.createTempDirectory("write-queue-postgres");
        Path keyFile = dataDir.resolve("body.key");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(
                keyFile, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);

        int downstreamPort = QueueGateway.freePort();
        CountingDownstream downstream =
                new CountingDownstream(downstreamPort, QueueGateway.assertionVerifier());
        String user = "student-" + UUID.randomUUID();
        String idempotencyKey = "postgres-" + UUID.randomUUID();

        try (QueueGateway gateway = new QueueGateway(dataDir, downstreamPort)) {
            gateway.start(
                    List.of("queuetest", "postgres"),
                    concat(
                            schemaArguments(schema),
                            "--platform.gateway.queue.body-key-file=" + keyFile));

            gateway.publicClient()
                    .post()
                    .uri("/api/writing-analysis/progress")
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            "Bearer " + QueueGateway.tokenFor(user, Role.STUDENT))
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"words\":10}")
                    .exchange()
                    .expectStatus()
                    .isAccepted();

            downstream.start();
            await("replay from PostgreSQL")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> downstream.appliedCount(idempotencyKey) == 1);
            assertThat(downstream.applied().get(0).body()).isEqualTo("{\"words\":10}");
        } finally {
            downstream.stop();
            dropSchema(schema);
        }
    }

    @Test
    void postgresProfileNeedsKeyFile() throws Exception {
        assumeThat(postgresAvailable())
                .as("PostgreSQL on 127.0.0.1:5432 (database test, user postgres)")
                .isTrue();
        String schema = newSchemaName();
        Path dataDir = Files.createTempDirectory("write-queue-no-key");

        try (QueueGateway gateway = new QueueGateway(dataDir, QueueGateway.freePort())) {
            Throwable failure =
                    catchThrowable(
                            () ->
                                    gateway.start(
                                            List.of("queuetest", "postgres"),
                                            schemaArguments(schema)));

            assertThat(failure).isNotNull();
            assertThat(rootMessage(failure)).contains("gateway-queue-body.key does not exist");
        } finally {
            dropSchema(schema);
        }
    }

    private static String newSchemaName() {
        return "gateway_queue_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static List<String> schemaArguments(String schema) {
        return List.of(
                "--spring.datasource.url=" + URL + "?currentSchema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema);
    }

    private static List<String> concat(List<String> arguments, String extra) {
        List<String> all = new java.util.ArrayList<>(arguments);
        all.add(extra);
        return all;
    }

    private static String rootMessage(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current.getMessage();
    }

    private static boolean postgresAvailable() {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
