package dev.scribe.writinganalysis.api.suite;

import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.writinganalysis.ServiceTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the tools through the canonical HTTP routes under {@code /api/writing-analysis}. */
public final class HttpToolClient implements ToolClient {

    static final String PREFIX = "/api/writing-analysis";

    /** Canonical route of each tool. */
    static final Map<String, String> ROUTES =
            Map.of(
                    "analyze_writing_patterns", "/patterns",
                    "evaluate_reflection_quality", "/reflections/evaluate",
                    "track_writing_progress", "/progress",
                    "generate_writing_insights", "/insights",
                    "classify_content_sensitivity", "/sensitivity",
                    "validate_educational_purpose", "/purpose-validation",
                    "apply_ai_boundaries", "/ai-boundaries",
                    "audit_writing_data_access", "/audit");

    /** HTTP status of each error code that the tools return. */
    static final Map<String, Integer> STATUS_OF_CODE =
            Map.ofEntries(
                    Map.entry("INVALID_ARGUMENT", 400),
                    Map.entry("IDENTITY_MISMATCH", 400),
                    Map.entry("UNAUTHENTICATED", 401),
                    Map.entry("TOKEN_REVOKED", 401),
                    Map.entry("FORBIDDEN", 403),
                    Map.entry("CONSENT_REQUIRED", 403),
                    Map.entry("PRIVACY_BUDGET_EXHAUSTED", 403),
                    Map.entry("NOT_FOUND", 404),
                    Map.entry("CONFLICT", 409),
                    Map.entry("PAYLOAD_TOO_LARGE", 413),
                    Map.entry("INSUFFICIENT_GROUP_SIZE", 422),
                    Map.entry("UNAVAILABLE", 503));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public HttpToolClient(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "HTTP";
    }

    @Override
    public ToolOutcome call(
            String tool, UserClaims caller, String justification, String argumentsJson) {
        String route = ROUTES.get(tool);
        if (route == null) {
            throw new IllegalArgumentException("No canonical route for tool " + tool);
        }
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PREFIX + route))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(argumentsJson));
        ServiceTestSupport.headersFor(caller).forEach(builder::header);
        if (justification != null) {
            builder.header("X-Access-Justification", justification);
        }

        HttpResponse<String> response = send(builder.build());
        return outcomeOf(response);
    }

    /**
     * Converts an HTTP response into an outcome, after checking the envelope against the status and
     * the correlation id header.
     */
    static ToolOutcome outcomeOf(HttpResponse<String> response) {
        JsonNode body = JSON.readTree(response.body());
        String correlationId = response.headers().firstValue(CorrelationIds.HEADER).orElse(null);
        if (response.statusCode() == 200) {
            require(body.path("success").asBoolean(false), "success is true on 200");
            JsonNode meta = body.path("meta");
            require(
                    meta.path("correlationId").asString("").equals(correlationId),
                    "meta.correlationId equals the X-Correlation-ID header");
            return new ToolOutcome(true, body.path("data"), null, null, null, meta);
        }

        JsonNode error = body.path("error");
        String code = error.path("code").asString(null);
        require(!body.path("success").asBoolean(true), "success is false on an error status");
        require(code != null, "error.code is present");
        Integer expectedStatus = STATUS_OF_CODE.get(code);
        require(
                expectedStatus != null && expectedStatus == response.statusCode(),
                "status " + response.statusCode() + " matches code " + code);
        require(
                error.path("correlationId").asString("").equals(correlationId),
                "error.correlationId equals the X-Correlation-ID header");
        JsonNode detail = error.path("details").path(0);
        return new ToolOutcome(
                false,
                null,
                code,
                detail.path("field").asString(null),
                detail.path("problem").asString(null),
                null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request to the service failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("HTTP request to the service was interrupted", e);
        }
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new AssertionError("HTTP response breaks the API contract: " + rule);
        }
    }
}
