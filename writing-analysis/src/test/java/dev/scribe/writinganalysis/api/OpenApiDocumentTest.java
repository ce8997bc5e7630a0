package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.ServiceTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists every route with a summary and examples. */
class OpenApiDocumentTest extends ServiceTestSupport {

    private static final List<String> POST_ROUTES =
            List.of(
                    "/api/writing-analysis/patterns",
                    "/api/writing-analysis/reflections/evaluate",
                    "/api/writing-analysis/progress",
                    "/api/writing-analysis/insights",
                    "/api/writing-analysis/sensitivity",
                    "/api/writing-analysis/purpose-validation",
                    "/api/writing-analysis/ai-boundaries",
                    "/api/writing-analysis/audit",
                    "/api/analytics/analyze-patterns",
                    "/api/analytics/evaluate-reflection",
                    "/api/analytics/track-progress",
                    "/api/analytics/generate-insights",
                    "/api/analytics/classify-sensitivity",
                    "/api/analytics/validate-educational-purpose",
                    "/api/analytics/apply-ai-boundaries",
                    "/api/analytics/audit-data-access");

    private static final List<String> GET_ROUTES =
            List.of(
                    "/api/writing-analysis/progress/{studentId}",
                    "/api/writing-analysis/audit/verify",
                    "/api/analytics/writing-progress/{studentId}/{assignmentId}",
                    "/api/analytics/health",
                    "/admin/audit/verify");

    @Test
    void apiDocs_documentEveryRouteWithExamples() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = body(response).path("paths");
        for (String route : POST_ROUTES) {
            JsonNode operation = paths.path(route).path("post");
            assertThat(operation.path("summary").asString()).as(route).isNotBlank();
            assertThat(requestExample(operation)).as(route).isNotNull();
            assertThat(successExample(operation).path("success").asBoolean()).as(route).isTrue();
            assertThat(operation.path("responses").has("401")).as(route).isTrue();
            assertThat(operation.path("parameters").toString())
                    .as(route)
                    .contains("X-Access-Justification");
        }
        for (String route : GET_ROUTES) {
            JsonNode operation = paths.path(route).path("get");
            assertThat(operation.path("summary").asString()).as(route).isNotBlank();
            assertThat(successExample(operation).path("success").asBoolean()).as(route).isTrue();
        }
    }

    private static JsonNode requestExample(JsonNode operation) {
        JsonNode example =
                operation
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("example");
        return example.isMissingNode() ? null : example;
    }

    private static JsonNode successExample(JsonNode operation) {
        return operation
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("example");
    }
}
