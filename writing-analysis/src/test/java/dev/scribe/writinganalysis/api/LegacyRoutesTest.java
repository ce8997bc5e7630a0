package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Legacy routes: explicit field mapping, ignored-field notices and the two extra fields. */
class LegacyRoutesTest extends ServiceTestSupport {

    private static final String PREFIX = "/api/analytics";

    @Test
    void trackProgress_mapsLegacyFields() {
        String sessionId = "legacy-" + UUID.randomUUID();

        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/track-progress",
                        """
                        {"sessionId":"%s","progress":{"wordsWritten":345,"timeSpent":1230,
                         "revisions":1,"completionPercentage":40},"clientVersion":"2.1"}
                        """
                                .formatted(sessionId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("message").asString()).isEqualTo("Progress tracked");
        assertThat(body.path("serviceUsed").asString()).isEqualTo("mcp");
        assertThat(body.path("data").path("sessionId").asString()).isEqualTo(sessionId);
        assertThat(body.path("data").path("recordedMetrics").path("wordCount").asInt())
                .isEqualTo(350);
        assertThat(body.path("meta").path("notices").toString())
                .contains("FIELD_IGNORED:progress.completionPercentage")
                .contains("FIELD_IGNORED:clientVersion")
                .doesNotContain("FIELD_IGNORED:progress.wordsWritten");
    }

    @Test
    void classifySensitivity_ignoresContext() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/classify-sensitivity",
                        "{\"content\":\"A calm essay.\",\"context\":{\"studentId\":\"student-demo\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.path("message").asString()).isEqualTo("Content classified");
        assertThat(body.path("meta").path("notices").toString()).contains("FIELD_IGNORED:context");
        assertThat(body.path("data").path("sensitivityLevel").asString()).isEqualTo("none");
    }

    @Test
    void auditDataAccess_takesActorFromAssertion() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/audit-data-access",
                        """
                        {"accessLog":{"userId":"student-demo","dataType":"writing_progress",
                         "purpose":"writing_improvement","timestamp":"2020-01-01T00:00:00Z"}}
                        """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.path("message").asString()).isEqualTo("Data access audited");
        assertThat(body.path("data").path("logged").asBoolean()).isTrue();
        assertThat(body.path("meta").path("notices").toString())
                .contains("FIELD_IGNORED:accessLog.timestamp");
    }

    @Test
    void analyzePatterns_defaultsSubjectToCaller() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/analyze-patterns",
                        """
                        {"content":"A short essay. It has two sentences.","sessionId":"s-1",
                         "metadata":{"assignmentId":"essay-1","timestamp":"2026-01-01T00:00:00Z"}}
                        """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.path("message").asString()).isEqualTo("Writing patterns analyzed");
        assertThat(
                        body.path("data")
                                .path("patterns")
                                .path("structure")
                                .path("sentenceCount")
                                .asInt())
                .isEqualTo(2);
        assertThat(body.path("meta").path("notices").toString())
                .contains("FIELD_IGNORED:sessionId")
                .contains("FIELD_IGNORED:metadata.timestamp")
                .doesNotContain("FIELD_IGNORED:metadata.assignmentId");
    }

    @Test
    void evaluateReflection_ignoresCriteria() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/evaluate-reflection",
                        """
                        {"reflectionText":"I learned to plan because my first draft wandered.",
                         "criteria":["depth"]}
                        """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.path("message").asString()).isEqualTo("Reflection evaluated");
        assertThat(body.path("data").path("quality").has("overall")).isTrue();
        assertThat(body.path("meta").path("notices").toString()).contains("FIELD_IGNORED:criteria");
    }

    @Test
    void generateInsights_mapsToIndividualScope() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/generate-insights",
                        "{\"studentId\":\"student-demo\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.path("message").asString()).isEqualTo("Insights generated");
        assertThat(body.path("data").path("privacyMetadata").path("aggregationLevel").asString())
                .isEqualTo("individual");
        assertThat(body.path("data").has("recommendations")).isTrue();
    }

    @Test
    void validatePurpose_rejectsOtherRoleClaim() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/validate-educational-purpose",
                        """
                        {"purpose":"Support my own learning improvement",
                         "requestContext":{"userId":"someone","role":"educator",
                         "dataRequested":["progress_metrics"]}}
                        """);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = body(response);
        assertThat(body.path("error").path("code").asString()).isEqualTo("IDENTITY_MISMATCH");
        assertThat(body.path("serviceUsed").asString()).isEqualTo("mcp");
    }

    @Test
    void validatePurpose_usesCallerRole() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoEducator(),
                        PREFIX + "/validate-educational-purpose",
                        """
                        {"purpose":"Timely intervention to support student learning improvement",
                         "requestContext":{"userId":"someone","dataRequested":["progress_metrics"]}}
                        """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.path("message").asString()).isEqualTo("Purpose validated");
        assertThat(body.path("meta").path("notices").toString())
                .contains("FIELD_IGNORED:requestContext.userId");
    }

    @Test
    void applyAiBoundaries_mapsPromptAndContext() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/apply-ai-boundaries",
                        """
                        {"content":"My draft argues that homework should be optional.",
                         "aiRequest":"How can I make my argument clearer?",
                         "assignmentContext":{"type":"essay","restrictions":["no_ai"]}}
                        """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.path("message").asString()).isEqualTo("AI boundaries applied");
        assertThat(body.path("data").has("allowed")).isTrue();
        assertThat(body.path("meta").path("notices").toString())
                .contains("FIELD_IGNORED:assignmentContext.restrictions");
    }

    @Test
    void writingProgress_readsByPath() {
        HttpResponse<String> response =
                get(
                        TestAssertions.demoStudent(),
                        PREFIX + "/writing-progress/student-demo/essay-1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.path("message").asString()).isEqualTo("Writing progress retrieved");
        assertThat(body.path("data").path("studentId").asString()).isEqualTo("student-demo");
    }

    @Test
    void health_reportsTiers() {
        HttpResponse<String> response = get(TestAssertions.demoResearcher(), PREFIX + "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = body(response).path("data");
        assertThat(data.path("status").asString()).isEqualTo("healthy");
        assertThat(data.path("services").path("mcp").asBoolean()).isTrue();
        assertThat(data.path("services").path("fallback").asBoolean()).isTrue();
    }

    @Test
    void legacyError_carriesMessageAndServiceUsed() {
        HttpResponse<String> response =
                post(TestAssertions.demoStudent(), PREFIX + "/classify-sensitivity", "[1,2]");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = body(response);
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("error").path("code").asString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(body.path("message").asString())
                .isEqualTo(body.path("error").path("message").asString());
        assertThat(body.path("serviceUsed").asString()).isEqualTo("mcp");
    }
}
