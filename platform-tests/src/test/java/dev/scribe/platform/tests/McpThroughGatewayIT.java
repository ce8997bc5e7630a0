package dev.scribe.platform.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scribe.cli.token.KeysCommand;
import dev.scribe.platform.tests.HttpCalls.Reply;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Starts the registry, two writing-analysis instances and the gateway as real processes, then uses
 * MCP through the gateway's {@code /mcp/writing-analysis}: with the MCP Java SDK client, and with
 * raw HTTP where the test needs to see the session id. The last test stops an instance, so the
 * order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpThroughGatewayIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final String WRITING_ANALYSIS = "writing-analysis";
    private static final String MCP_PATH = "/mcp/writing-analysis";
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private static final String INITIALIZE =
            """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"e2e","version":"1"}}}
            """;

    private static final String INITIALIZED =
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private static final String TOOLS_LIST =
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private static final HttpCalls http = new HttpCalls();

    private static PlatformRunner runner;
    private static PlatformProcess registry;
    private static PlatformProcess gateway;
    private static final List<PlatformProcess> instances = new ArrayList<>();
    private static String studentToken;
    private static PlatformLaunch launch;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path projectDir = Path.of(System.getProperty("scribe.project-dir", "..")).normalize();
        Path runDir =
                PlatformRunner.freshRunDir(
                        Path.of(
                                System.getProperty("scribe.e2e-run-dir", "target/e2e-run")
                                        + "-mcp"));
        runner = new PlatformRunner(projectDir.toAbsolutePath(), runDir.toAbsolutePath());

        // The same keys, demo password and client secrets that ./scribe up creates.
        int keysStatus =
                new KeysCommand(new PrintStream(OutputStream.nullOutputStream()))
                        .run(List.of("--dir", runner.keysDir().toString()));
        assertThat(keysStatus).isZero();

        int registryPort = PlatformRunner.freePort();
        int identityPort = PlatformRunner.freePort();
        launch = new PlatformLaunch(runner, registryPort, identityPort);
        registry =
                runner.start(
                        "registry",
                        "registry",
                        registryPort,
                        launch.registryArguments(registryPort));
        PlatformLaunch.awaitReady(http, registry, registryPort);

        PlatformProcess identity =
                runner.start(
                        "identity",
                        "identity",
                        identityPort,
                        launch.identityArguments(identityPort));
        for (int index = 0; index < 2; index++) {
            int port = PlatformRunner.freePort();
            instances.add(
                    runner.start(
                            WRITING_ANALYSIS + "-" + port,
                            WRITING_ANALYSIS,
                            port,
                            launch.serviceArguments(port)));
        }
        int gatewayPort = PlatformRunner.freePort();
        int managementPort = PlatformRunner.freePort();
        gateway =
                runner.start(
                        "gateway",
                        "gateway",
                        gatewayPort,
                        launch.gatewayArguments(
                                gatewayPort,
                                managementPort,
                                "--platform.gateway.mcp.public-base-url=http://127.0.0.1:"
                                        + gatewayPort));

        PlatformLaunch.awaitReady(http, identity, identityPort);
        studentToken = launch.tokenFor(http, "student-demo");
        for (PlatformProcess instance : instances) {
            PlatformLaunch.awaitReady(http, instance, instance.port());
        }
        PlatformLaunch.awaitReady(http, gateway, managementPort);
        awaitGatewayUsesBothInstances();
    }

    @AfterAll
    static void stopPlatform() throws InterruptedException {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    @Order(1)
    void metadataNamesEndpointAndIssuer() throws Exception {
        Reply reply =
                http.get(gatewayUri("/.well-known/oauth-protected-resource" + MCP_PATH), Map.of());

        assertThat(reply.status()).as("body %s", reply.response().body()).isEqualTo(200);
        assertThat(reply.json().path("resource").asString())
                .isEqualTo(gatewayUri(MCP_PATH).toString());
        assertThat(reply.json().path("authorization_servers").get(0).asString())
                .isEqualTo(launch.identityUrl());
        assertThat(reply.json().path("bearer_methods_supported").get(0).asString())
                .isEqualTo("header");
    }

    @Test
    @Order(2)
    void missingTokenPointsToMetadata() throws Exception {
        Reply reply = post(null, null, INITIALIZE);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(reply.header("WWW-Authenticate"))
                .isEqualTo(
                        "Bearer resource_metadata=\""
                                + gatewayUri("/.well-known/oauth-protected-resource" + MCP_PATH)
                                + "\"");
    }

    @Test
    @Order(3)
    void sdkClientListsAndCallsTools() {
        // Four sessions, so that the round robin opens sessions on both instances.
        for (int index = 0; index < 4; index++) {
            try (McpSyncClient client = sdkClient()) {
                List<Tool> tools = client.listTools().tools();
                assertThat(tools).extracting(Tool::name).hasSize(8);
                assertThat(tools)
                        .extracting(Tool::name)
                        .contains("classify_content_sensitivity", "analyze_writing_patterns");

                CallToolResult result =
                        client.callTool(
                                new CallToolRequest(
                                        "classify_content_sensitivity",
                                        Map.of("content", "A short check of the MCP route.")));
                assertThat(result.isError()).isFalse();
                assertThat(result.structuredContent()).isNotNull();
                assertThat(result.meta()).containsEntry("tier", "remote");
            }
        }
    }

    @Test
    @Order(4)
    void sessionRequestsStayOnIssuer() throws Exception {
        String sessionId = initializeSession();

        // Without affinity, the round robin would send every second request to the instance
        // that does not know the session, which answers 404.
        for (int index = 0; index < 6; index++) {
            Reply reply = post(studentToken, sessionId, TOOLS_LIST);
            assertThat(reply.status())
                    .as("request %d, body %s", index, reply.response().body())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(100)
    void stoppedIssuerEndsSession() throws Exception {
        String sessionId = initializeSession();
        PlatformProcess issuer = issuerOf(sessionId);

        assertThat(runner.stopGracefully(issuer))
                .as("%s stopped within the time limit", issuer.id())
                .isTrue();

        Reply reply = post(studentToken, sessionId, TOOLS_LIST);
        assertThat(reply.status()).as("body %s", reply.response().body()).isEqualTo(404);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");

        // A standard client starts a new session after the 404, on the surviving instance.
        try (McpSyncClient client = sdkClient()) {
            assertThat(client.listTools().tools()).hasSize(8);
        }
    }

    /** Opens a session with raw HTTP and returns its id. */
    private static String initializeSession() throws Exception {
        Reply initialize = post(studentToken, null, INITIALIZE);
        assertThat(initialize.status()).as("body %s", initialize.response().body()).isEqualTo(200);
        String sessionId = initialize.header(SESSION_HEADER);
        assertThat(sessionId).as("Mcp-Session-Id of the initialize response").isNotBlank();

        Reply initialized = post(studentToken, sessionId, INITIALIZED);
        assertThat(initialized.status()).isEqualTo(202);
        return sessionId;
    }

    /** Finds the instance that serves a session: the one whose POST count grows by a request. */
    private static PlatformProcess issuerOf(String sessionId) throws Exception {
        Map<Integer, Long> before = new HashMap<>();
        for (PlatformProcess instance : instances) {
            before.put(instance.port(), http.postCount(instance.port(), "", null));
        }

        assertThat(post(studentToken, sessionId, TOOLS_LIST).status()).isEqualTo(200);

        List<PlatformProcess> grown = new ArrayList<>();
        await("metrics of the request")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            grown.clear();
                            for (PlatformProcess instance : instances) {
                                long now = http.postCount(instance.port(), "", null);
                                if (now > before.get(instance.port())) {
                                    grown.add(instance);
                                }
                            }
                            return !grown.isEmpty();
                        });
        assertThat(grown).hasSize(1);
        return grown.get(0);
    }

    private static McpSyncClient sdkClient() {
        HttpClientStreamableHttpTransport transport =
                HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + gateway.port())
                        .endpoint(MCP_PATH)
                        .httpRequestCustomizer(
                                (builder, method, uri, body, context) ->
                                        builder.header("Authorization", "Bearer " + studentToken))
                        .build();
        McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    private static Reply post(String token, String sessionId, String body) throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("X-Correlation-ID", "e2e-mcp-" + UUID.randomUUID().toString().substring(0, 8));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (sessionId != null) {
            headers.put(SESSION_HEADER, sessionId);
        }
        return http.post(gatewayUri(MCP_PATH), headers, body);
    }

    private static URI gatewayUri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    /**
     * Opens MCP sessions until each instance has served a request, because the gateway learns about
     * instances from its periodic registry fetch, not at once.
     */
    private static void awaitGatewayUsesBothInstances() {
        await("gateway routing to both instances")
                .atMost(START_TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .until(
                        () -> {
                            gateway.assertAlive();
                            post(studentToken, null, INITIALIZE);
                            for (PlatformProcess instance : instances) {
                                if (http.postCount(instance.port(), "", null) == 0) {
                                    return false;
                                }
                            }
                            return true;
                        });
    }
}
