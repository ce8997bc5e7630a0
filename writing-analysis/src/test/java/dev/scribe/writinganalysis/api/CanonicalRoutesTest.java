package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Each canonical route once with a demo user, through real HTTP and the real database. */
class CanonicalRoutesTest extends ServiceTestSupport {

    private static final String PREFIX = "/api/writing-analysis";

    @Autowired JdbcClient jdbc;

    @Test
    void sensitivity_returnsEnvelopeAndEchoesCorrelationId() {
        HttpResponse<String> response =
                send(
                        as(TestAssertions.demoStudent(), PREFIX + "/sensitivity")
                                .header(CorrelationIds.HEADER, "route-test-sensitivity")
                                .header("Content-Type", "application/json")
                                .POST(
                                        json(
                                                "{\"content\":\"Write to me at jane.doe@example.com.\"}"))
                                .build());

        assertSuccess(response);
        assertThat(correlationIdOf(response)).isEqualTo("route-test-sensitivity");
        JsonNode body = body(response);
        assertThat(body.path("meta").path("correlationId").asString())
                .isEqualTo("route-test-sensitivity");
        assertThat(body.path("data").path("redactedContent").asString())
                .contains("[REDACTED_PERSONAL_EMAILS]");
    }

    @Test
    void patterns_analysesOwnText() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/patterns",
                        """
                        {"content":"I learned a lot. However, my second draft was better.",
                         "userId":"student-demo","purpose":"writing_improvement"}
                        """);

        assertSuccess(response);
        JsonNode patterns = body(response).path("data").path("patterns");
        assertThat(patterns.path("structure").path("sentenceCount").asInt()).isEqualTo(2);
        assertThat(patterns.path("structure").path("transitionWords").asInt()).isEqualTo(1);
        assertThat(patterns.path("style").path("writingStyle").asString()).isEqualTo("personal");
    }

    @Test
    void reflection_isScoredAndStored() {
        long before = reflectionsOf("student-demo-5");

        HttpResponse<String> response =
                post(
                        TestAssertions.student("student-demo-5"),
                        PREFIX + "/reflections/evaluate",
                        """
                        {"reflection":"I learned that my thesis was too broad because I tried to cover everything. Next time I will plan my outline first.",
                         "userId":"student-demo-5","purpose":"reflection_assessment",
                         "assignmentContext":{"assignmentId":"essay-1"}}
                        """);

        assertSuccess(response);
        JsonNode data = body(response).path("data");
        assertThat(data.path("reflectionId").asString()).hasSize(36);
        assertThat(data.path("quality").path("overall").asInt()).isBetween(0, 100);
        assertThat(data.path("progressiveAccess").path("currentLevel").asString()).isNotBlank();
        assertThat(reflectionsOf("student-demo-5")).isEqualTo(before + 1);
    }

    @Test
    void purposeValidation_scoresJustification() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoEducator(),
                        PREFIX + "/purpose-validation",
                        """
                        {"purpose":"Timely intervention to support student learning improvement",
                         "requestedData":["progress_metrics"],"requesterRole":"educator"}
                        """);

        assertSuccess(response);
        JsonNode data = body(response).path("data");
        assertThat(data.path("valid").isBoolean()).isTrue();
        assertThat(data.path("justification").has("educationalBenefit")).isTrue();
    }

    @Test
    void aiBoundaries_restrictWithoutReflection() {
        HttpResponse<String> response =
                post(
                        TestAssertions.student("student-demo-6"),
                        PREFIX + "/ai-boundaries",
                        """
                        {"request":{"prompt":"Give me the solution and write this for me",
                         "requestType":"answer"}}
                        """);

        assertSuccess(response);
        JsonNode data = body(response).path("data");
        assertThat(data.path("allowed").asBoolean()).isFalse();
        assertThat(data.path("accessLevel").asString()).isEqualTo("restricted");
        assertThat(data.path("boundariesApplied").toString()).contains("reflection_requirement");
    }

    @Test
    void progress_storesMinimisedSnapshot() {
        String sessionId = "session-" + UUID.randomUUID();

        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/progress",
                        progressBody(sessionId, 345));

        assertSuccess(response);
        JsonNode data = body(response).path("data");
        assertThat(data.path("sessionId").asString()).isEqualTo(sessionId);
        assertThat(data.path("recordedMetrics").path("wordCount").asInt()).isEqualTo(350);
        assertThat(data.path("recordedMetrics").path("timeSpent").asInt()).isEqualTo(1260);
    }

    @Test
    void progressRead_sumsStudentSessions() {
        String assignment = "essay-" + UUID.randomUUID().toString().substring(0, 8);
        String sessionId = "session-" + UUID.randomUUID();
        post(
                TestAssertions.student("student-demo-2"),
                PREFIX + "/progress",
                """
                {"userId":"student-demo-2","sessionId":"%s","assignmentId":"%s",
                 "metrics":{"wordCount":600,"timeSpent":1200},"purpose":"student_progress_tracking"}
                """
                        .formatted(sessionId, assignment));

        HttpResponse<String> response =
                get(
                        TestAssertions.student("student-demo-2"),
                        PREFIX + "/progress/student-demo-2?assignmentId=" + assignment);

        assertSuccess(response);
        JsonNode data = body(response).path("data");
        assertThat(data.path("sessionCount").asInt()).isEqualTo(1);
        assertThat(data.path("aggregatedMetrics").path("totalWords").asInt()).isEqualTo(600);
    }

    @Test
    void audit_appendsEntryToChain() {
        HttpResponse<String> response =
                post(TestAssertions.demoStudent(), PREFIX + "/audit", auditBody());

        assertSuccess(response);
        JsonNode data = body(response).path("data");
        assertThat(data.path("logged").asBoolean()).isTrue();
        assertThat(data.path("immutableHash").asString()).hasSize(64);
        assertThat(data.path("sequence").asLong()).isPositive();
    }

    @Test
    void auditEntries_areCountedByCategory() {
        post(TestAssertions.demoStudent(), PREFIX + "/audit", auditBody());

        HttpResponse<String> metrics =
                send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build());

        assertThat(metrics.body()).contains("audit_entries_total{").contains("category=\"");
    }

    @Test
    void auditVerify_reportsValidChainToAdministrator() {
        post(TestAssertions.demoStudent(), PREFIX + "/audit", auditBody());

        HttpResponse<String> response =
                get(TestAssertions.demoAdministrator(), PREFIX + "/audit/verify?from=1");

        assertSuccess(response);
        assertThat(body(response).path("data").path("valid").asBoolean()).isTrue();
    }

    @Test
    void insights_individualForSelf() {
        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        PREFIX + "/insights",
                        """
                        {"scope":"individual","targetId":"student-demo","timeframe":"week",
                         "purpose":"self_assessment","includeRecommendations":true}
                        """);

        assertSuccess(response);
        JsonNode privacy = body(response).path("data").path("privacyMetadata");
        assertThat(privacy.path("aggregationLevel").asString()).isEqualTo("individual");
        assertThat(privacy.path("differentialPrivacyApplied").asBoolean()).isFalse();
    }

    @Test
    void insights_classChargesBudgetOncePerDay() {
        String body =
                """
                {"scope":"class","targetId":"course-demo-101","timeframe":"semester",
                 "purpose":"class_performance_analysis"}
                """;

        HttpResponse<String> first =
                post(TestAssertions.demoEducator(), PREFIX + "/insights", body);
        HttpResponse<String> repeat =
                post(TestAssertions.demoEducator(), PREFIX + "/insights", body);

        assertSuccess(first);
        assertSuccess(repeat);
        JsonNode firstData = body(first).path("data");
        JsonNode repeatData = body(repeat).path("data");
        assertThat(firstData.path("privacyMetadata").path("differentialPrivacyApplied").asBoolean())
                .isTrue();
        assertThat(repeatData.path("privacyMetadata").path("epsilonSpent").decimalValue()).isZero();
        assertThat(body(repeat).path("meta").path("notices").toString())
                .contains("CACHED_DP_ANSWER");
        // The cached release is returned unchanged, decimals included.
        assertThat(repeatData.path("insights")).isEqualTo(firstData.path("insights"));
    }

    @Test
    void adminAuditVerify_servesSameCheck() {
        HttpResponse<String> response =
                get(TestAssertions.demoAdministrator(), "/admin/audit/verify?from=1");

        assertSuccess(response);
        assertThat(body(response).path("data").path("valid").asBoolean()).isTrue();
    }

    @Test
    void auditVerify_rejectsStudent() {
        HttpResponse<String> response = get(TestAssertions.demoStudent(), PREFIX + "/audit/verify");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body(response).path("error").path("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void administratorRead_needsJustification() {
        String path = PREFIX + "/progress/student-demo-3";

        HttpResponse<String> without = get(TestAssertions.demoAdministrator(), path);
        HttpResponse<String> with =
                send(
                        as(TestAssertions.demoAdministrator(), path)
                                .header(
                                        "X-Access-Justification",
                                        "Investigating a support ticket about lost drafts")
                                .GET()
                                .build());

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(body(without).path("error").path("details").toString())
                .contains("JUSTIFICATION_REQUIRED");
        assertSuccess(with);
    }

    @Test
    void denial_isAuditedDespiteError() {
        long before = authorizationFailures();

        HttpResponse<String> response =
                post(
                        TestAssertions.demoEducator(),
                        PREFIX + "/progress",
                        progressBody("session-" + UUID.randomUUID(), 100));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body(response).path("error").path("code").asString()).isEqualTo("FORBIDDEN");
        // The transaction commits for a tool error, so the denial's audit entry is kept.
        assertThat(authorizationFailures()).isEqualTo(before + 1);
    }

    @Test
    void schemaViolation_returns400WithField() {
        HttpResponse<String> response =
                post(TestAssertions.demoStudent(), PREFIX + "/sensitivity", "{\"text\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = body(response).path("error");
        assertThat(error.path("code").asString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.path("details").isArray()).isTrue();
        assertThat(error.path("details").size()).isPositive();
    }

    @Test
    void malformedJson_returns400() {
        HttpResponse<String> response =
                post(TestAssertions.demoStudent(), PREFIX + "/sensitivity", "{\"content\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).path("error").path("code").asString())
                .isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void toolMetrics_areExported() {
        post(TestAssertions.demoStudent(), PREFIX + "/sensitivity", "{\"content\":\"metrics\"}");

        HttpResponse<String> metrics =
                send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build());

        assertThat(metrics.body())
                .contains("writing_analysis_tool_duration_seconds_count{")
                .contains("tool=\"classify_content_sensitivity\"")
                .contains("writing_analysis_tool_outcomes_total{")
                .contains("http_requests_total{")
                .contains("route=\"/api/writing-analysis/sensitivity\"")
                .contains("http_request_duration_seconds_bucket{")
                .doesNotContain("route=\"/api/writing-analysis/progress/student-demo");
    }

    static String progressBody(String sessionId, int words) {
        return """
                {"userId":"student-demo","sessionId":"%s",
                 "metrics":{"wordCount":%d,"timeSpent":1230,"revisions":2},
                 "purpose":"student_progress_tracking"}
                """
                .formatted(sessionId, words);
    }

    static String auditBody() {
        return """
                {"accessType":"read","dataType":"writing_progress","userId":"student-demo",
                 "accessedBy":"student-demo","purpose":"writing_improvement"}
                """;
    }

    private long reflectionsOf(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM reflection_record WHERE subject_id = :subject")
                .param("subject", subject)
                .query(Long.class)
                .single();
    }

    private long authorizationFailures() {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM audit_event WHERE category = 'authorization' AND"
                                + " outcome = 'failure'")
                .query(Long.class)
                .single();
    }

    static void assertSuccess(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue(Envelopes.SERVICE_TIER)).hasValue("remote");
        JsonNode body = body(response);
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("meta").path("tier").asString()).isEqualTo("remote");
        assertThat(body.path("meta").path("degraded").asBoolean()).isFalse();
        assertThat(body.path("meta").path("notices").isArray()).isTrue();
        assertThat(body.path("meta").path("correlationId").asString())
                .isEqualTo(correlationIdOf(response));
    }
}
