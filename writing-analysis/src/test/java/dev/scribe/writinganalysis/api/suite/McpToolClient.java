package dev.scribe.writinganalysis.api.suite;

import dev.scribe.platform.security.UserClaims;
import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import dev.scribe.writinganalysis.WritingAnalysisApplication;
import dev.scribe.writinganalysis.api.McpStdio;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the tools with the MCP Java SDK client, over Streamable HTTP or over stdio. One initialized
 * session is kept per caller. Over HTTP every request carries a fresh assertion for that caller.
 * Over stdio the caller is fixed per process, so each caller gets its own child JVM.
 */
public final class McpToolClient implements ToolClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    /** Start-up of a child JVM on a busy machine can take tens of seconds. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final BiFunction<McpToolClient, UserClaims, McpClientTransport> transports;
    private final Map<UserClaims, McpSyncClient> sessions = new ConcurrentHashMap<>();
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private final AtomicInteger childCount = new AtomicInteger();

    private McpToolClient(
            String name, BiFunction<McpToolClient, UserClaims, McpClientTransport> transports) {
        this.name = name;
        this.transports = transports;
    }

    /** Returns a client of the Streamable HTTP endpoint {@code /mcp} on {@code port}. */
    public static McpToolClient overHttp(int port) {
        return new McpToolClient(
                "MCP Streamable HTTP",
                (client, caller) ->
                        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                                .endpoint("/mcp")
                                .httpRequestCustomizer(
                                        (builder, method, uri, body, context) ->
                                                ServiceTestSupport.headersFor(caller)
                                                        .forEach(builder::header))
                                .build());
    }

    /**
     * Returns a client that starts the service with {@code --transport=stdio} in a child JVM per
     * caller, on the database in {@code dataDir}. Each child's stderr, its whole log, is appended
     * to a file in {@code logDir}.
     */
    public static McpToolClient overStdio(Path dataDir, Path logDir) {
        return new McpToolClient(
                "MCP stdio", (client, caller) -> client.stdioTransport(caller, dataDir, logDir));
    }

    private McpClientTransport stdioTransport(UserClaims caller, Path dataDir, Path logDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ServerParameters parameters =
                ServerParameters.builder(java)
                        .args(
                                // H2's automatic server mode must listen on loopback only.
                                "-Dh2.bindAddress=127.0.0.1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                WritingAnalysisApplication.class.getName(),
                                McpStdio.FLAG,
                                "--platform.data-dir=" + dataDir,
                                "--platform.security.assertion.jwks-file="
                                        + TestAssertions.shared().jwksFile(),
                                // The child's log is its stderr, captured below, rather than the
                                // JSON file that the test JVM writes.
                                "--logging.file.name=")
                        .addEnvVar(
                                McpStdio.TOKEN_VARIABLE,
                                TestAssertions.shared().assertionFor(caller))
                        .build();
        StdioClientTransport transport =
                new StdioClientTransport(parameters, McpJsonDefaults.getMapper());

        Path stderrFile =
                logDir.resolve(
                        "stdio-"
                                + caller.role().name().toLowerCase(Locale.ROOT)
                                + "-"
                                + childCount.incrementAndGet()
                                + ".log");
        BufferedWriter stderr = open(stderrFile);
        resources.add(stderr);
        transport.setStdErrorHandler(line -> append(stderr, line));
        return transport;
    }

    private static BufferedWriter open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.newBufferedWriter(
                    file,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the stderr capture file " + file, e);
        }
    }

    private static void append(BufferedWriter writer, String line) {
        try {
            synchronized (writer) {
                writer.write(line);
                writer.newLine();
                writer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the child's stderr", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** Returns the initialized session of {@code caller}, opening it on first use. */
    public McpSyncClient session(UserClaims caller) {
        return sessions.computeIfAbsent(caller, this::openSession);
    }

    /**
     * Opens the sessions of {@code callers} in parallel, so that their child JVMs (over stdio)
     * start at the same time rather than one after another.
     */
    public void openSessions(List<UserClaims> callers) {
        if (callers.isEmpty()) {
            return;
        }
        // The first session opens alone: over stdio its child JVM then holds the shared H2 file,
        // and the others reach it through H2's automatic server. Children that open the file at
        // the same moment can fail with "Lock file recently modified".
        UserClaims first = callers.get(0);
        sessions.putIfAbsent(first, openSession(first));

        List<CompletableFuture<Void>> openings = new ArrayList<>();
        for (UserClaims caller : callers.subList(1, callers.size())) {
            openings.add(
                    CompletableFuture.runAsync(
                            () -> sessions.putIfAbsent(caller, openSession(caller))));
        }
        CompletableFuture.allOf(openings.toArray(CompletableFuture[]::new)).join();
    }

    private McpSyncClient openSession(UserClaims caller) {
        McpSyncClient client =
                McpClient.sync(transports.apply(this, caller))
                        .requestTimeout(REQUEST_TIMEOUT)
                        .initializationTimeout(REQUEST_TIMEOUT)
                        .build();
        client.initialize();
        return client;
    }

    @Override
    public Optional<JsonNode> listTools(UserClaims caller) {
        return Optional.of(JSON.valueToTree(session(caller).listTools()));
    }

    @Override
    public ToolOutcome call(
            String tool, UserClaims caller, String justification, String argumentsJson) {
        Map<String, Object> arguments = JSON.readValue(argumentsJson, JSON_OBJECT);
        Map<String, Object> meta =
                justification == null ? null : Map.of("accessJustification", justification);
        CallToolResult result =
                session(caller).callTool(new CallToolRequest(tool, arguments, meta));
        return outcomeOf(result);
    }

    /**
     * Converts a tool result into an outcome, after checking the MCP contract: one text item,
     * structured content equal to the text on success, the error envelope and {@code
     * _meta.errorCode} on failure.
     */
    static ToolOutcome outcomeOf(CallToolResult result) {
        require(result.isError() != null, "isError is present");
        require(result.content() != null && result.content().size() == 1, "one content item");
        require(result.content().get(0) instanceof TextContent, "the content item is text");
        JsonNode text = JSON.readTree(((TextContent) result.content().get(0)).text());
        JsonNode meta = JSON.valueToTree(result.meta());
        require(!meta.path("correlationId").asString("").isBlank(), "_meta.correlationId is set");

        if (!result.isError()) {
            JsonNode structured = JSON.valueToTree(result.structuredContent());
            require(structured != null && structured.isObject(), "structuredContent is an object");
            require(text.equals(structured), "text content equals structuredContent");
            require("remote".equals(meta.path("tier").asString()), "_meta.tier is remote");
            return new ToolOutcome(true, structured, null, null, null, meta);
        }

        require(result.structuredContent() == null, "structuredContent is omitted on errors");
        JsonNode error = text.path("error");
        String code = error.path("code").asString(null);
        require(!text.path("success").asBoolean(true), "the envelope has success false");
        require(code != null, "the envelope has an error code");
        require(code.equals(meta.path("errorCode").asString()), "_meta.errorCode equals the code");
        require(
                error.path("correlationId")
                        .asString("")
                        .equals(meta.path("correlationId").asString()),
                "the envelope's correlationId equals _meta.correlationId");
        JsonNode detail = error.path("details").path(0);
        return new ToolOutcome(
                false,
                null,
                code,
                detail.path("field").asString(null),
                detail.path("problem").asString(null),
                meta);
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new AssertionError("MCP tool result breaks the protocol contract: " + rule);
        }
    }

    @Override
    public void close() {
        sessions.values().forEach(McpSyncClient::closeGracefully);
        sessions.clear();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing a test resource failed", e);
            }
        }
    }
}
