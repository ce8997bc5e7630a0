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
