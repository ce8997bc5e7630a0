package dev.scribe.writinganalysis.api.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scribe.writinganalysis.PersonalDataCanaries;
import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import dev.scribe.writinganalysis.TestLogs;
import dev.scribe.writinganalysis.WritingAnalysisApplication;
import dev.scribe.writinganalysis.api.McpStdio;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Interoperability with the official MCP TypeScript SDK client (npm {@code
 * @modelcontextprotocol/sdk}): the script {@code mcp-ts-client/client.mjs} lists the tools and
 * calls each one with valid arguments, over Streamable HTTP and over stdio, and this test checks
 * what it printed. The SDK is installed once into {@code target/mcp-ts-client}; the test is skipped
 * when {@code node} or {@code npm} is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeScriptMcpClientIT extends ServiceTestSupport {

    /** The SDK release the test is pinned to, the current one on npm when the test was written. */
    static final String SDK_VERSION = "1.32.2";

    static final long NPM_TIMEOUT_SECONDS = 300;

    /** Includes the start of a child JVM for the stdio run. */
    static final long CLIENT_TIMEOUT_SECONDS = 240;

    /** Equal when both are numbers of the same value, otherwise when the nodes are equal. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
            (left, right) -> {
                if (left.isNumber() && right.isNumber()) {
                    return left.decimalValue().compareTo(right.decimalValue());
                }
                return left.equals(right) ? 0 : 1;
            };

    @Autowired DataSource dataSource;

    private final ToolWorld world = new ToolWorld();
    private Path clientDir;

    @BeforeAll
    void installClient() throws Exception {
        assumeTrue(
                commandWorks("node", "--version") && commandWorks("npm", "--version"),
                "node and npm are not installed; the TypeScript MCP client test is skipped");

        clientDir =
                Path.of(System.getProperty("scribe.build-dir", "target")).resolve("mcp-ts-client");
        Files.createDirectories(clientDir);
        if (!sdkInstalled()) {
            run(
                    clientDir,
                    NPM_TIMEOUT_SECONDS,
                    "npm",
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--save-exact",
                    "--prefix",
                    clientDir.toString(),
                    "@modelcontextprotocol/sdk@" + SDK_VERSION);
        }
        assertThat(sdkInstalled()).as("SDK %s installed", SDK_VERSION).isTrue();

        try (InputStream script = getClass().getResourceAsStream("/mcp-ts-client/client.mjs")) {
            assertThat(script).as("client.mjs on the test classpath").isNotNull();
            Files.copy(
                    script, clientDir.resolve("client.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }

        world.seed(dataSource);
    }

    /** Returns whether the pinned SDK version is already in {@code node_modules}. */
    private boolean sdkInstalled() {
        Path manifest = clientDir.resolve("node_modules/@modelcontextprotocol/sdk/package.json");
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try {
            return SDK_VERSION.equals(
                    JSON.readTree(Files.readString(manifest)).path("version").asString());
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void streamableHttp_listsAndCallsEveryTool() throws Exception {
        ObjectNode config = JSON.createObjectNode();
        config.put("transport", "http");
        config.put("url", "http://127.0.0.1:" + port + "/mcp");
        ObjectNode headers = config.putObject("headers");
        headersFor(world.student).forEach(headers::put);
        config.set("calls", callsFor(world.student.subject()));

        assertInteroperable(runClient(config));
    }

    @Test
    void stdio_listsAndCallsEveryTool() throws Exception {
        Path childDataDir = Files.createTempDirectory("wa-ts-stdio");
        DriverManagerDataSource database =
                new DriverManagerDataSource(
                        "jdbc:h2:file:" + childDataDir.resolve("writing-analysis"), "sa", "");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        world.seed(database);

        ObjectNode config = JSON.createObjectNode();
        config.put("transport", "stdio");
        config.put("command", ProcessHandle.current().info().command().orElse("java"));
        ArrayNode args = config.putArray("args");
        args.add("-Dh2.bindAddress=127.0.0.1");
        args.add("-cp");
        args.add(System.getProperty("java.class.path"));
        args.add(WritingAnalysisApplication.class.getName());
        args.add(McpStdio.FLAG);
        args.add("--platform.data-dir=" + childDataDir);
        args.add("--platform.security.assertion.jwks-file=" + TestAssertions.shared().jwksFile());
        args.add("--logging.file.name=");
        ObjectNode env = config.putObject("env");
        env.put(McpStdio.TOKEN_VARIABLE, TestAssertions.shared().assertionFor(world.student));
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        Files.createDirectories(TestLogs.directory());
        config.put("stderrFile", TestLogs.directory().resolve("stdio-ts-client.log").toString());
        config.set("calls", callsFor(world.student.subject()));

        assertInteroperable(runClient(config));
    }

    /** Valid arguments of every tool for a student acting about themselves. */
    private ArrayNode callsFor(String studentId) {
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put(
                ToolBehaviourSuite.PATTERNS,
                """
                {"content":"%s","userId":"%s","purpose":"writing_improvement"}
                """
                        .formatted(PersonalDataCanaries.TEXT, studentId));
        calls.put(
                ToolBehaviourSuite.REFLECTION,
                """
                {"reflection":"%s","userId":"%s","purpose":"reflection_assessment"}
                """
                        .formatted(ToolBehaviourSuite.R1, studentId));
        calls.put(
                ToolBehaviourSuite.PROGRESS,
                """
                {"userId":"%s","sessionId":"session-%s","purpose":"student_progress_tracking",
                 "metrics":{"wordCount":347,"timeSpent":1234}}
                """
                        .formatted(studentId, UUID.randomUUID()));
        calls.put(
                ToolBehaviourSuite.INSIGHTS,
                """
                {"scope":"individual","targetId":"%s","timeframe":"week","purpose":"writing_improvement"}
                """
                        .formatted(studentId));
        calls.put(
                ToolBehaviourSuite.CLASSIFY,
                "{\"content\":\"Please email me at sam.lee@example.org tomorrow.\"}");
        calls.put(
                ToolBehaviourSuite.VALIDATE,
                """
                {"purpose":"Support student success through timely intervention and personalized learning feedback",
                 "requestedData":["progress_metrics"],"requesterRole":"student"}
                """);
        calls.put(
                ToolBehaviourSuite.AI_BOUNDARIES,
                """
                {"request":{"prompt":"Explain what a thesis statement does","requestType":"explanation"}}
                """);
        calls.put(
                ToolBehaviourSuite.AUDIT,
                """
                {"accessType":"read","dataType":"writing_content","userId":"%s","accessedBy":"%s",
                 "purpose":"writing_improvement"}
                """
                        .formatted(studentId, studentId));

        ArrayNode array = JSON.createArrayNode();
        calls.forEach(
                (name, arguments) -> {
                    ObjectNode call = array.addObject();
                    call.put("name", name);
                    call.set("arguments", JSON.readTree(arguments));
                });
        return array;
    }

    private void assertInteroperable(JsonNode output) {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : output.path("tools")) {
            names.add(tool.path("name").asString());
            assertThat(tool.path("inputSchema").path("type").asString())
                    .as("input schema of %s", tool.path("name").asString())
                    .isEqualTo("object");
            assertThat(tool.path("inputSchema").path("properties").isObject())
                    .as("input properties of %s", tool.path("name").asString())
                    .isTrue();
            assertThat(tool.path("hasOutputSchema").asBoolean())
                    .as("output schema of %s", tool.path("name").asString())
                    .isTrue();
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(AccessMatrixTest.TOOLS);

        JsonNode results = output.path("results");
        assertThat(results).hasSize(AccessMatrixTest.TOOLS.size());
        for (JsonNode result : results) {
            String name = result.path("name").asString();
            assertThat(result.path("isError").asBoolean()).as("isError of %s", name).isFalse();
            JsonNode structured = result.path("structuredContent");
            assertThat(structured.isObject()).as("structuredContent of %s", name).isTrue();
            assertThat(result.path("content")).as("content of %s", name).hasSize(1);
            JsonNode item = result.path("content").path(0);
            assertThat(item.path("type").asString())
                    .as("content type of %s", name)
                    .isEqualTo("text");
            assertThat(result.path("textMatchesStructuredContent").asBoolean())
                    .as("text content of %s parses to its structuredContent in JavaScript", name)
                    .isTrue();
            // Node prints 13.0 as 13, so the Java side compares numbers by value.
            assertThat(
                            JSON.readTree(item.path("text").asString())
                                    .equals(NUMBERS_BY_VALUE, structured))
                    .as("text content of %s equals its structuredContent", name)
                    .isTrue();
        }

        JsonNode progress = resultOf(results, ToolBehaviourSuite.PROGRESS);
        assertThat(progress.path("recordedMetrics").path("wordCount").asInt()).isEqualTo(350);
        assertThat(progress.path("recordedMetrics").path("timeSpent").asInt()).isEqualTo(1260);
        JsonNode classification = resultOf(results, ToolBehaviourSuite.CLASSIFY);
        assertThat(classification.path("redactedContent").asString())
                .isEqualTo("Please email me at [REDACTED_PERSONAL_EMAILS] tomorrow.");
        JsonNode reflection = resultOf(results, ToolBehaviourSuite.REFLECTION);
        assertThat(reflection.path("quality").path("overall").asInt()).isEqualTo(18);
    }

    private static JsonNode resultOf(JsonNode results, String tool) {
        for (JsonNode result : results) {
            if (result.path("name").asString().equals(tool)) {
                return result.path("structuredContent");
            }
        }
        throw new AssertionError("No result for " + tool);
    }

    /** Runs client.mjs with {@code config} and returns the JSON line it printed. */
    private JsonNode runClient(ObjectNode config) throws Exception {
        Path configFile = Files.createTempFile(clientDir, "config-", ".json");
        Files.writeString(configFile, JSON.writeValueAsString(config));
        try {
            String stdout =
                    run(
                            clientDir,
                            CLIENT_TIMEOUT_SECONDS,
                            "node",
                            clientDir.resolve("client.mjs").toString(),
                            configFile.toString());
            List<String> lines = stdout.lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).as("lines the client printed").hasSize(1);
            return JSON.readTree(lines.get(0));
        } finally {
            // The file contains a signed assertion, which must not outlive the run.
            Files.deleteIfExists(configFile);
        }
    }

    /**
     * Runs a command in {@code directory} and returns its stdout; fails with its stderr when it
     * exits with another code than 0 or runs past the timeout.
     */
    private static String run(Path directory, long timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("ts-client-out", ".txt");
        Path stderr = Files.createTempFile("ts-client-err", ".txt");
        Process process =
                new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
        try {
            boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String error = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(exited)
                    .as("%s finished within %d s; stderr: %s", command[0], timeoutSeconds, error)
                    .isTrue();
            assertThat(process.exitValue())
                    .as("exit code of %s; stderr: %s", command[0], error)
                    .isZero();
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
