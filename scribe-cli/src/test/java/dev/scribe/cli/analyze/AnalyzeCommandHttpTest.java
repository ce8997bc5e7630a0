package dev.scribe.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scribe.cli.ScribeCli;
import dev.scribe.cli.token.DemoUsers;
import dev.scribe.cli.token.TokenCommand;
import dev.scribe.platform.security.SigningKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs {@code analyze} against an in-process HTTP server on loopback that responds like the
 * gateway: it checks the bearer token, derives figures from the posted text and returns platform
 * envelopes, or a platform error for texts that contain the word UNAVAILABLE.
 */
class AnalyzeCommandHttpTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir Path dir;

    private HttpServer server;

    /** The token the fake gateway accepts. */
    private String acceptedToken;

    /** The token the CLI sends. */
    private String clientToken;

    private final List<JsonNode> patternsBodies = new CopyOnWriteArrayList<>();
    private final List<JsonNode> sensitivityBodies = new CopyOnWriteArrayList<>();
    private final List<JsonNode> reflectionBodies = new CopyOnWriteArrayList<>();
    private final List<String> correlationIds = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws IOException {
        acceptedToken =
                TokenCommand.userTokenIssuer(SigningKeys.generate("test-1"), Clock.systemUTC())
                        .issue(DemoUsers.byId("student-demo-3"));
        clientToken = acceptedToken;

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/writing-analysis/patterns", this::answerPatterns);
        server.createContext("/api/writing-analysis/sensitivity", this::answerSensitivity);
        server.createContext("/api/writing-analysis/reflections/evaluate", this::answerReflection);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String gatewayUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int analyze(String... files) {
        ScribeCli cli =
                new ScribeCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Clock.systemUTC(),
                        Map.of(AnalyzeCommand.TOKEN_VARIABLE, clientToken));
        String[] args = new String[files.length + 3];
        args[0] = "analyze";
        args[1] = "--gateway";
        args[2] = gatewayUrl();
        System.arraycopy(files, 0, args, 3, files.length);
        return cli.run(args);
    }

    @Test
    void batchReportsEachTextAndSummary() throws Exception {
        StringBuilder essays = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            String words = "word ".repeat(i).strip();
            essays.append("{\"id\": \"e-").append(i).append("\", \"text\": \"").append(words);
            essays.append(". My mom helped.\"}\n");
        }
        Path essayFile = Files.writeString(dir.resolve("essays.jsonl"), essays);
        Path reflectionFile =
                Files.writeString(
                        dir.resolve("reflections.jsonl"),
                        "{\"id\": \"r-1\", \"text\": \"I learned why plans fail.\"}\n");

        int status = analyze(essayFile.toString(), reflectionFile.toString());

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as("stderr: %s", err).isZero();
        assertThat(stdout.lines().filter(line -> line.startsWith("e-")).count()).isEqualTo(12);
        assertThat(stdout)
                .contains(
                        "e-3 words=6 sentences=2 readability=basic sentiment=neutral"
                                + " sensitivity=low elements=family_situation\n")
                .contains("r-1 words=5 sentences=1")
                .contains("reflection=55 access=restricted")
                .contains("summary: 13 texts, 0 with failures; 27 requests, 0 failed")
                .contains("sensitivity levels: high=0 medium=0 low=12 none=1")
                .contains("failures by error code: none")
                .contains("latency per request (27 responses): p50=")
                .doesNotContain("My mom helped")
                .doesNotContain("plans fail");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("progress: 10/13 texts, 0 with failures");
    }

    @Test
    void requestsCarrySubjectPurposeAndContentType() throws Exception {
        Path essay = Files.writeString(dir.resolve("essay.txt"), "One short essay.");
        Path reflection = Files.writeString(dir.resolve("reflection.txt"), "I learned a lot.");

        int status = analyze(essay.toString(), reflection.toString());

        assertThat(status).isZero();
        assertThat(patternsBodies).hasSize(2);
        for (JsonNode body : patternsBodies) {
            assertThat(body.path("userId").asString()).isEqualTo("student-demo-3");
            assertThat(body.path("purpose").asString()).isEqualTo("writing_improvement");
        }
        assertThat(patternsBodies.get(0).path("content").asString()).isEqualTo("One short essay.");
        assertThat(sensitivityBodies)
                .extracting(body -> body.path("context").path("contentType").asString())
                .containsExactly("essay", "reflection");
        assertThat(reflectionBodies).hasSize(1);
        assertThat(reflectionBodies.get(0).path("reflection").asString())
                .isEqualTo("I learned a lot.");
        assertThat(reflectionBodies.get(0).path("purpose").asString())
                .isEqualTo("reflection_assessment");
        assertThat(reflectionBodies.get(0).path("userId").asString()).isEqualTo("student-demo-3");
        assertThat(correlationIds).hasSize(5).doesNotHaveDuplicates();
        assertThat(correlationIds).allMatch(id -> id.matches("[A-Za-z0-9._-]{8,64}"));
    }

    @Test
    void failedRequestsSetExitStatusAndAreCounted() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("mixed.jsonl"),
                        "{\"id\": \"ok-1\", \"text\": \"Fine text.\"}\n"
                                + "{\"id\": \"bad-1\", \"text\": \"UNAVAILABLE text.\"}\n");

        int status = analyze(file.toString());

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(stdout)
                .contains("bad-1 words=- sentences=-")
                .contains(" failed=patterns:503:UPSTREAM_UNAVAILABLE:cli-")
                .contains("summary: 2 texts, 1 with failures; 4 requests, 1 failed")
                .contains("failures by error code: UPSTREAM_UNAVAILABLE=1");
    }

    @Test
    void wrongTokenIsReportedAsUnauthenticated() throws Exception {
        clientToken =
                TokenCommand.userTokenIssuer(SigningKeys.generate("other-1"), Clock.systemUTC())
                        .issue(DemoUsers.byId("student-demo-3"));
        Path file = Files.writeString(dir.resolve("one.txt"), "Text.");

        int status = analyze(file.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("failures by error code: UNAUTHENTICATED=2");
    }

    private void answerPatterns(HttpExchange exchange) throws IOException {
        JsonNode body = readAuthorized(exchange);
        if (body == null) {
            return;
        }
        patternsBodies.add(body);
        String content = body.path("content").asString();
        if (content.contains("UNAVAILABLE")) {
            sendError(exchange, 503, "UPSTREAM_UNAVAILABLE");
            return;
        }

        ObjectNode data = MAPPER.createObjectNode();
        ObjectNode patterns = data.putObject("patterns");
        patterns.putObject("structure")
                .put("wordCount", content.split("\\s+").length)
                .put("sentenceCount", content.split("[.!?]").length);
        patterns.putObject("sentiment").put("sentimentLabel", "neutral");
        patterns.putObject("complexity").put("readabilityLevel", "basic");
        sendSuccess(exchange, data);
    }

    private void answerSensitivity(HttpExchange exchange) throws IOException {
        JsonNode body = readAuthorized(exchange);
        if (body == null) {
            return;
        }
        sensitivityBodies.add(body);
        String content = body.path("content").asString();

        ObjectNode data = MAPPER.createObjectNode();
        boolean family = content.contains("My mom");
        data.put("sensitivityLevel", family ? "low" : "none");
        if (family) {
            data.putArray("sensitiveElements")
                    .addObject()
                    .put("type", "family_situation")
                    .put("text", "My mom");
        } else {
            data.putArray("sensitiveElements");
        }
        sendSuccess(exchange, data);
    }

    private void answerReflection(HttpExchange exchange) throws IOException {
        JsonNode body = readAuthorized(exchange);
        if (body == null) {
            return;
        }
        reflectionBodies.add(body);

        ObjectNode data = MAPPER.createObjectNode();
        data.putObject("quality").put("overall", 55);
        data.putObject("progressiveAccess").put("currentLevel", "restricted");
        sendSuccess(exchange, data);
    }

    /**
     * Returns the parsed body, or null after sending 401 for a foreign token or 400 for a body that
     * is not declared as JSON.
     */
    private JsonNode readAuthorized(HttpExchange exchange) throws IOException {
        correlationIds.add(exchange.getRequestHeaders().getFirst("X-Correlation-ID"));
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + acceptedToken).equals(authorization)) {
            sendError(exchange, 401, "UNAUTHENTICATED");
            return null;
        }
        if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            sendError(exchange, 400, "INVALID_ARGUMENT");
            return null;
        }
        return MAPPER.readTree(bytes);
    }

    private void sendSuccess(HttpExchange exchange, ObjectNode data) throws IOException {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("success", true);
        envelope.set("data", data);
        envelope.putObject("meta")
                .put("tier", "remote")
                .put("degraded", false)
                .put("correlationId", exchange.getRequestHeaders().getFirst("X-Correlation-ID"))
                .putArray("notices");
        send(exchange, 200, envelope);
    }

    private void sendError(HttpExchange exchange, int status, String code) throws IOException {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("success", false);
        envelope.putObject("error")
                .put("code", code)
                .put("message", "The request failed.")
                .put("correlationId", exchange.getRequestHeaders().getFirst("X-Correlation-ID"))
                .put("retryable", status == 503);
        if (status == 503) {
            exchange.getResponseHeaders().add("Retry-After", "5");
        }
        send(exchange, status, envelope);
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
