package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.TestAssertions;
import dev.scribe.writinganalysis.WritingAnalysisApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stdio mode in a child JVM: stdout must carry JSON-RPC messages and nothing else. */
class McpStdioTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final long RESPONSE_TIMEOUT_SECONDS = 120;

    @TempDir Path dataDir;

    private Process start(String token) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder =
                new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        WritingAnalysisApplication.class.getName(),
                        McpStdio.FLAG,
                        "--platform.data-dir=" + dataDir,
                        "--platform.security.assertion.jwks-file="
                                + TestAssertions.shared().jwksFile());
        builder.environment().remove(McpStdio.TOKEN_VARIABLE);
        if (token != null) {
            builder.environment().put(McpStdio.TOKEN_VARIABLE, token);
        }
        builder.redirectError(dataDir.resolve("stderr.log").toFile());
        return builder.start();
    }

    /** Collects stdout lines on a daemon thread so that the test can wait with a timeout. */
    private Thread collectLines(Process process, BlockingQueue<String> lines) {
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    lines.add(line);
                                }
                            } catch (IOException e) {
                                lines.add("reader failed: " + e);
                            }
                        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    @Test
    void stdioSession_writesOnlyJsonRpc() throws Exception {
        Process process = start(TestAssertions.shared().assertionFor(TestAssertions.demoStudent()));
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = collectLines(process, lines);
            OutputStream stdin = process.getOutputStream();
            send(
                    stdin,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
            List<String> received = new ArrayList<>();
            JsonNode initialized = awaitResponse(lines, received, 1);
            send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            JsonNode listed = awaitResponse(lines, received, 2);
            send(
                    stdin,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                            + "{\"name\":\"classify_content_sensitivity\",\"arguments\":"
                            + "{\"content\":\"Write to me at jane.doe@example.com.\"}}}");
            JsonNode called = awaitResponse(lines, received, 3);

            stdin.close();
            boolean exited = process.waitFor(RESPONSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // Lines written during shutdown count too, so the reader must reach the end first.
            reader.join(TimeUnit.SECONDS.toMillis(RESPONSE_TIMEOUT_SECONDS));
            lines.drainTo(received);

            assertThat(initialized.path("result").path("serverInfo").path("name").asString())
                    .isEqualTo("writing-analysis");
            assertThat(listed.path("result").path("tools").size()).isEqualTo(8);
            assertThat(called.path("result").path("isError").asBoolean()).isFalse();
            assertThat(
                            called.path("result")
                                    .path("structuredContent")
                                    .path("redactedContent")
                                    .asString())
                    .contains("[REDACTED_PERSONAL_EMAILS]");
            assertThat(exited).as("process exits when stdin closes").isTrue();
            for (String line : received) {
                assertThat(JSON.readTree(line).path("jsonrpc").asString())
                        .as("stdout line of length %d", line.length())
                        .isEqualTo("2.0");
            }
            assertThat(Files.size(dataDir.resolve("stderr.log"))).isPositive();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void missingToken_stopsStart() throws Exception {
        Process process = start(null);
        try {
            process.getOutputStream().close();
            boolean exited = process.waitFor(RESPONSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);

            assertThat(exited).isTrue();
            assertThat(process.exitValue()).isNotZero();
            assertThat(process.getInputStream().readAllBytes()).isEmpty();
            assertThat(Files.readString(dataDir.resolve("stderr.log")))
                    .contains(McpStdio.TOKEN_VARIABLE + " is missing");
        } finally {
            process.destroyForcibly();
        }
    }

    private static void send(OutputStream stdin, String message) throws IOException {
        stdin.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits for the response with {@code id}, keeping every line read on the way. */
    private static JsonNode awaitResponse(
            BlockingQueue<String> lines, List<String> received, int id)
            throws InterruptedException {
        while (true) {
            String line = lines.poll(RESPONSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(line).as("response %d within the timeout", id).isNotNull();
            received.add(line);
            JsonNode message = JSON.readTree(line);
            if (message.path("id").asInt(-1) == id) {
                return message;
            }
        }
    }
}
