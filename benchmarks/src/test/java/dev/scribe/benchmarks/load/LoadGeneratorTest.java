package dev.scribe.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs short open- and closed-loop runs against an in-process server on loopback that accepts
 * patterns and sensitivity requests and rejects reflection requests with 503. The checks count
 * requests and errors only; no check depends on how fast this machine is.
 */
class LoadGeneratorTest {

    @TempDir Path dir;

    private HttpServer server;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/writing-analysis/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        received.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        String assertion = exchange.getRequestHeaders().getFirst("X-User-Assertion");
        if (bearer != null) {
            authorizations.put("bearer", bearer);
        }
        if (assertion != null) {
            authorizations.put("assertion", assertion);
        }

        int status = path.endsWith("/reflections/evaluate") ? 503 : 200;
        byte[] body = "{\"success\":true}".getBytes();
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Map<String, String> options(String... pairs) throws IOException {
        Path essays = Files.writeString(dir.resolve("essays.jsonl"), "{\"text\":\"An essay.\"}\n");
        Path reflections =
                Files.writeString(dir.resolve("reflections.jsonl"), "{\"text\":\"I learned.\"}\n");
        Map<String, String> options = new HashMap<>();
        options.put("base-url", "http://127.0.0.1:" + server.getAddress().getPort());
        options.put("essays", essays.toString());
        options.put("reflections", reflections.toString());
        options.put("output", dir.resolve("out/result.json").toString());
        options.put("warmup-seconds", "0");
        options.put("duration-seconds", "1");
        for (int i = 0; i < pairs.length; i += 2) {
            options.put(pairs[i], pairs[i + 1]);
        }
        return options;
    }

    @Test
    void openLoopSendsOneSecondAtRate() throws Exception {
        RunResult result =
                LoadGenerator.run(
                        options(
                                "target",
                                "gateway",
                                "rate",
                                "40",
                                "mix",
                                "patterns=1,sensitivity=1"),
                        Map.of("SCRIBE_TOKEN", "token-1"));

        assertThat(result.sent()).isEqualTo(40);
        assertThat(result.succeeded()).isEqualTo(40);
        assertThat(result.errors()).isEmpty();
        assertThat(result.overall().count()).isEqualTo(40);
        assertThat(result.byOperation()).containsOnlyKeys("patterns", "sensitivity");
        assertThat(authorizations).containsEntry("bearer", "Bearer token-1");
        assertThat(Files.readString(dir.resolve("out/result.json")))
                .contains("\"label\" : \"gateway-40\"");
    }

    @Test
    void failedRequestsAreCountedByStatus() throws Exception {
        RunResult result =
                LoadGenerator.run(
                        options("target", "direct", "rate", "20", "mix", "reflection=1"),
                        Map.of(
                                "SCRIBE_ASSERTION",
                                "assertion-1",
                                "SCRIBE_SERVICE_TOKEN",
                                "service-token-1"));

        assertThat(result.sent()).isEqualTo(20);
        assertThat(result.succeeded()).isZero();
        assertThat(result.errors()).containsExactly(Map.entry("HTTP_503", 20L));
        assertThat(authorizations)
                .containsEntry("assertion", "assertion-1")
                .containsEntry("bearer", "Bearer service-token-1");
    }

    @Test
    void closedLoopRecordsCompletedRequests() throws Exception {
        RunResult result =
                LoadGenerator.run(
                        options(
                                "target",
                                "gateway",
                                "mode",
                                "closed",
                                "concurrency",
                                "2",
                                "mix",
                                "sensitivity=1"),
                        Map.of("SCRIBE_TOKEN", "token-1"));

        assertThat(result.mode()).isEqualTo("closed");
        assertThat(result.concurrency()).isEqualTo(2);
        assertThat(result.succeeded()).isPositive().isEqualTo(result.sent());
        assertThat(result.label()).isEqualTo("gateway-max");
    }

    @Test
    void nonLoopbackHostIsRejected() {
        assertThatThrownBy(() -> LoadGenerator.loopbackUri("http://10.0.0.5:8080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void missingCredentialIsRejected() {
        assertThatThrownBy(() -> LoadGenerator.run(options("target", "gateway"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SCRIBE_TOKEN");
    }

    @Test
    void rateOutOfRangeIsRejected() {
        assertThatThrownBy(
                        () ->
                                LoadGenerator.run(
                                        options("target", "gateway", "rate", "0"),
                                        Map.of("SCRIBE_TOKEN", "t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--rate must be between 1 and 5000, got 0");
    }

    @Test
    void repeatedOptionIsRejected() {
        assertThatThrownBy(() -> LoadGenerator.parseOptions(List.of("--rate", "1", "--rate", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than once");
    }
}
