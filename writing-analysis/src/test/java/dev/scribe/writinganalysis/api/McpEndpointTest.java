package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP endpoint through the SDK's own Streamable HTTP client and through raw HTTP, against the
 * whole service and its real database.
 */
class McpEndpointTest extends ServiceTestSupport {

    private static final String PREFIX = "/api/writing-analysis";

    private static final String INITIALIZE =
            """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
            """;

    private static final List<String> MCP_TOOLS =
            List.of(
                    "analyze_writing_patterns",
                    "evaluate_reflection_quality",
                    "track_writing_progress",
                    "generate_writing_insights",
                    "classify_content_sensitivity",
                    "validate_educational_purpose",
                    "apply_ai_boundaries",
                    "audit_writing_data_access");

    /** Opens an initialized MCP session whose every request carries an assertion for caller. */
    private McpSyncClient clientFor(UserClaims caller) {
        HttpClientStreamableHttpTransport transport =
                HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                        .endpoint("/mcp")
                        .httpRequestCustomizer(
                                (builder, method, uri, body, context) ->
                                        withServiceToken(builder)
                                                .header(
                                                        UserAssertions.HEADER,
                                                        TestAssertions.shared()
                                                                .assertionFor(caller)))
                        .build();
        McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    @Test
    void toolsList_returnsEightTools() {
        try (McpSyncClient client = clientFor(TestAssertions.demoStudent())) {
            List<Tool> tools = client.listTools().tools();

            assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrderElementsOf(MCP_TOOLS);
            for (Tool tool : tools) {
                assertThat(tool.title()).as(tool.name()).isNotBlank();
                assertThat(tool.description()).as(tool.name()).isNotBlank();
                assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object");
                assertThat(tool.inputSchema())
                        .as(tool.name())
                        .containsEntry("additionalProperties", false);
                assertThat(tool.outputSchema()).as(tool.name()).containsEntry("type", "object");
                boolean classify = tool.name().equals("classify_content_sensitivity");
                boolean validate = tool.name().equals("validate_educational_purpose");
                assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isEqualTo(classify);
                assertThat(tool.annotations().idempotentHint())
                        .as(tool.name())
                        .isEqualTo(classify || validate);
                assertThat(tool.annotations().destructiveHint()).as(tool.name()).isFalse();
                assertThat(tool.annotations().openWorldHint()).as(tool.name()).isFalse();
            }
        }
    }

    @Test
    void classify_returnsSameDataAsHttp() {
        String input = "{\"content\":\"Write to me at jane.doe@example.com.\"}";
        JsonNode httpData =
                body(post(TestAssertions.demoStudent(), PREFIX + "/sensitivity", input))
                        .path("data");

        try (McpSyncClient client = clientFor(TestAssertions.demoStudent())) {
            CallToolResult result =
                    client.callTool(
                            new CallToolRequest("classify_content_sensitivity", mapOf(input)));

            assertThat(result.isError()).isFalse();
            ObjectNode structured = JSON.valueToTree(result.structuredContent());
            assertThat(withoutField(structured, "classificationTimestamp"))
                    .isEqualTo(withoutField(httpData, "classificationTimestamp"));
            assertThat(result.content()).hasSize(1);
            String text = ((TextContent) result.content().get(0)).text();
            assertThat(JSON.readTree(text)).isEqualTo(structured);
            assertThat(result.meta()).containsEntry("tier", "remote");
            assertThat(result.meta()).containsEntry("degraded", false);
            assertThat(result.meta()).containsKey("notices");
            assertThat(result.meta().get("correlationId")).asString().isNotBlank();
        }
    }

    @Test
    void patterns_returnsSameDataAsHttp() {
        String input =
                """
                {"content":"I learned a lot. However, my second draft was better.",
                 "userId":"student-demo","purpose":"writing_improvement"}
                """;
        JsonNode httpData =
                body(post(TestAssertions.demoStudent(), PREFIX + "/patterns", input)).path("data");

        try (McpSyncClient client = clientFor(TestAssertions.demoStudent())) {
            CallToolResult result =
                    client.callTool(new CallToolRequest("analyze_writing_patterns", mapOf(input)));

            assertThat(result.isError()).isFalse();
            ObjectNode structured = JSON.valueToTree(result.structuredContent());
            assertThat(withoutField(structured, "timestamp"))
                    .isEqualTo(withoutField(httpData, "timestamp"));
        }
    }

    @Test
    void invalidArguments_giveToolErrorWithCode() {
        try (McpSyncClient client = clientFor(TestAssertions.demoStudent())) {
            CallToolResult result =
                    client.callTool(
                            new CallToolRequest("classify_content_sensitivity", Map.of("x", 1)));

            assertThat(result.isError()).isTrue();
            assertThat(result.structuredContent()).isNull();
            assertThat(result.meta()).containsEntry("errorCode", "INVALID_ARGUMENT");
            JsonNode envelope = JSON.readTree(((TextContent) result.content().get(0)).text());
            assertThat(envelope.path("success").asBoolean()).isFalse();
            assertThat(envelope.path("error").path("code").asString())
                    .isEqualTo("INVALID_ARGUMENT");
            assertThat(envelope.path("error").path("correlationId").asString())
                    .isEqualTo(result.meta().get("correlationId"));
        }
    }

    @Test
    void accessDenial_givesForbidden() {
        try (McpSyncClient client = clientFor(TestAssertions.demoResearcher())) {
            CallToolResult result =
                    client.callTool(
                            new CallToolRequest(
                                    "analyze_writing_patterns",
                                    mapOf(
                                            """
                                            {"content":"I learned a lot from my second draft.",
                                             "userId":"student-demo","purpose":"writing_improvement"}
                                            """)));

            assertThat(result.isError()).isTrue();
            assertThat(result.meta()).containsEntry("errorCode", "FORBIDDEN");
            JsonNode envelope = JSON.readTree(((TextContent) result.content().get(0)).text());
            assertThat(envelope.path("error").path("code").asString()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void administrator_needsAccessJustification() {
        Map<String, Object> arguments =
                mapOf(
                        """
                        {"content":"I learned a lot from my second draft.",
                         "userId":"student-demo","purpose":"writing_improvement"}
                        """);

        try (McpSyncClient client = clientFor(TestAssertions.demoAdministrator())) {
            CallToolResult withoutJustification =
                    client.callTool(new CallToolRequest("analyze_writing_patterns", arguments));
            CallToolResult withJustification =
                    client.callTool(
                            new CallToolRequest(
                                    "analyze_writing_patterns",
                                    arguments,
                                    Map.of(
                                            "accessJustification",
                                            "Investigating a reported grading system fault.")));

            assertThat(withoutJustification.isError()).isTrue();
            assertThat(withoutJustification.meta()).containsEntry("errorCode", "FORBIDDEN");
            assertThat(withJustification.isError()).isFalse();
        }
    }

    @Test
    void bodyOverOneMebibyte_is413() {
        String content = "a".repeat(RequestBodyFilter.MAX_BODY_BYTES);
        String call =
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"classify_content_sensitivity\",\"arguments\":"
                        + "{\"content\":\""
                        + content
                        + "\"}}}";

        HttpResponse<String> response =
                send(
                        mcpRequest()
                                .header(
                                        UserAssertions.HEADER,
                                        TestAssertions.shared()
                                                .assertionFor(TestAssertions.demoStudent()))
                                .POST(HttpRequest.BodyPublishers.ofString(call))
                                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response).path("error").path("code").asString())
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void unknownTool_isJsonRpcInvalidParams() {
        try (McpSyncClient client = clientFor(TestAssertions.demoStudent())) {
            assertThatThrownBy(() -> client.callTool(new CallToolRequest("no_such_tool", Map.of())))
                    .isInstanceOfSatisfying(
                            McpError.class,
                            e -> assertThat(e.getJsonRpcError().code()).isEqualTo(-32602));
        }
    }

    @Test
    void initialize_issuesSessionId() {
        HttpResponse<String> response =
                send(
                        mcpRequest()
                                .header(
                                        UserAssertions.HEADER,
                                        TestAssertions.shared()
                                                .assertionFor(TestAssertions.demoStudent()))
                                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void postWithoutAssertion_is401() {
        HttpResponse<String> response =
                send(mcpRequest().POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(body(response).path("error").path("code").asString())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void foreignOrigin_is403() {
        HttpResponse<String> response =
                send(
                        mcpRequest()
                                .header(
                                        UserAssertions.HEADER,
                                        TestAssertions.shared()
                                                .assertionFor(TestAssertions.demoStudent()))
                                .header("Origin", "http://attacker.invalid")
                                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                                .build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body(response).path("error").path("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void get_is405() {
        HttpResponse<String> response =
                send(
                        mcpRequest()
                                .header(
                                        UserAssertions.HEADER,
                                        TestAssertions.shared()
                                                .assertionFor(TestAssertions.demoStudent()))
                                .GET()
                                .build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, DELETE");
    }

    private HttpRequest.Builder mcpRequest() {
        return request("/mcp")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
    }

    /**
     * Returns a copy of {@code data} without the timestamp {@code field}, after checking that it is
     * present, because two calls a few milliseconds apart stamp different times.
     */
    private static JsonNode withoutField(JsonNode data, String field) {
        assertThat(data.path(field).asString()).as(field).isNotBlank();
        ObjectNode copy = ((ObjectNode) data).deepCopy();
        copy.remove(field);
        return copy;
    }

    private static Map<String, Object> mapOf(String json) {
        return JSON.readValue(json, new tools.jackson.core.type.TypeReference<>() {});
    }
}
