package dev.scribe.writinganalysis.core.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.Course;
import dev.scribe.writinganalysis.core.port.DimensionScores;
import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.testing.InMemoryCourseDirectory;
import dev.scribe.writinganalysis.core.testing.RecordingNoiseSource;
import dev.scribe.writinganalysis.core.testing.TestEngine;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class InsightsToolTest {

    private static final Instant END = Instant.parse("2025-03-08T00:00:00Z");

    private static ObjectNode query(
            String scope, String targetId, String timeframe, String purpose) {
        ObjectNode args = Json.object();
        args.put("scope", scope);
        args.put("targetId", targetId);
        args.put("timeframe", timeframe);
        args.put("purpose", purpose);
        return args;
    }

    private static WritingSession session(
            String student, String id, int words, int seconds, String at) {
        Instant time = Instant.parse(at);
        return new WritingSession(id, student, null, words, seconds, 0, time, time);
    }

    private static ReflectionRecord reflection(String student, int overall, String at) {
        return new ReflectionRecord(
                UUID.randomUUID().toString(),
                student,
                null,
                overall,
                new DimensionScores(0, 0, 0, 0, 0),
                "none",
                "test",
                Instant.parse(at),
                false);
    }

    @Test
    void i1IndividualInsightsAreExact() {
        TestEngine t = TestEngine.at(END);
        t.directory.addStudent("student-1", "inst-1");
        t.consents.grant("student-1", "progress_tracking");
        t.sessions.save(session("student-1", "s-1", 350, 1260, "2025-03-02T10:00:00Z"));
        t.sessions.save(session("student-1", "s-2", 600, 1800, "2025-03-06T10:00:00Z"));
        t.reflections.save(reflection("student-1", 62, "2025-03-03T10:00:00Z"));
        t.reflections.save(reflection("student-1", 80, "2025-03-06T11:00:00Z"));
        CallContext student =
                TestEngine.context(TestEngine.caller("student-1", Role.STUDENT, "inst-1"));
        ObjectNode args = query("individual", "student-1", "week", "self_assessment");
        args.put("includeRecommendations", true);

        ToolResult result = t.invoke(Operation.GENERATE_WRITING_INSIGHTS, student, args);

        JsonNode insights = result.output().get("insights");
        assertThat(insights.get("keyMetrics").toString())
                .isEqualTo(
                        "{\"totalSessions\":2,\"totalWords\":950,\"totalTime\":3060,"
                                + "\"averageSessionLength\":25.5,\"averageWordsPerMinute\":18.6,"
                                + "\"reflectionCount\":2,\"reflectionQuality\":71.0}");
        assertThat(insights.get("trends").toString())
                .isEqualTo(
                        "[{\"metric\":\"words_per_session\",\"values\":[350.0,600.0],"
                                + "\"trend\":\"increasing\"},{\"metric\":\"reflection_quality\","
                                + "\"values\":[62.0,80.0],\"trend\":\"increasing\"}]");
        assertThat(insights.get("dataPointsIncluded").intValue()).isEqualTo(4);
        assertThat(insights.get("summary").asString())
                .isEqualTo("2 writing sessions and 2 reflections in the last week.");
        assertThat(result.output().get("recommendations").toString())
                .isEqualTo("[\"Plan longer, focused writing sessions of at least 30 minutes.\"]");
        JsonNode privacy = result.output().get("privacyMetadata");
        assertThat(privacy.get("differentialPrivacyApplied").booleanValue()).isFalse();
        assertThat(privacy.get("privacyBudgetRemaining").isNull()).isTrue();
        assertThat(t.events.types()).containsExactly("privacy.data.accessed", "insights.generated");
    }

    @Test
    void individualWithoutSessionsHasNullAverages() {
        TestEngine t = TestEngine.at(END);
        t.directory.addStudent("student-1", "inst-1");
        t.consents.grant("student-1", "progress_tracking");
        CallContext student =
                TestEngine.context(TestEngine.caller("student-1", Role.STUDENT, "inst-1"));

        ToolResult result =
                t.invoke(
                        Operation.GENERATE_WRITING_INSIGHTS,
                        student,
                        query("individual", "student-1", "day", "learning"));

        JsonNode metrics = result.output().get("insights").get("keyMetrics");
        assertThat(metrics.get("averageSessionLength").isNull()).isTrue();
        assertThat(metrics.get("reflectionQuality").isNull()).isTrue();
        assertThat(result.output().has("recommendations")).isFalse();
        assertThat(result.output().get("insights").get("trends").get(0).get("trend").asString())
                .isEqualTo("insufficient_data");
    }

    private static TestEngine classOf(int students, RecordingNoiseSource noise) {
        TestEngine t = TestEngine.at(END, noise, c -> c);
        t.directory.addCourse(InMemoryCourseDirectory.course("course-1", "inst-1", "educator-1"));
        for (int i = 0; i < students; i++) {
            t.directory.enrol("student-" + i, "course-1", true);
        }
        return t;
    }

    private static CallContext educator() {
        return TestEngine.context(TestEngine.caller("educator-1", Role.EDUCATOR, "inst-1"));
    }

    @Test
    void i2ClassNoiseScalesBudgetAndCache() {
        RecordingNoiseSource noise = new RecordingNoiseSource(0.1, -0.2, 0.3);
        TestEngine t = classOf(25, noise);

        ToolResult first =
                t.invoke(
                        Operation.GENERATE_WRITING_INSIGHTS,
                        educator(),
                        query("class", "course-1", "week", "class_performance_analysis"));

        List<Double> expected = new java.util.ArrayList<>(List.of(5.0, 400.0, 500.0, 5.0));
        expected.addAll(Collections.nCopies(7, 35.0));
        assertThat(noise.scales()).isEqualTo(expected);
        JsonNode privacy = first.output().get("privacyMetadata");
        assertThat(privacy.get("epsilonSpent").toString()).isEqualTo("1.0");
        assertThat(privacy.get("privacyBudgetRemaining").toString()).isEqualTo("9.0");
        assertThat(privacy.get("differentialPrivacyApplied").booleanValue()).isTrue();
        assertThat(first.output().get("insights").get("keyMetrics").get("classSize").intValue())
                .isEqualTo(25);
        assertThat(first.output().get("insights").has("comparisons")).isFalse();

        ToolResult again =
                t.invoke(
                        Operation.GENERATE_WRITING_INSIGHTS,
                        educator(),
                        query("class", "course-1", "week", "class_performance_analysis"));

        assertThat(again.notices()).containsExactly("CACHED_DP_ANSWER");
        assertThat(again.output().get("insights")).isEqualTo(first.output().get("insights"));
        assertThat(again.output().get("privacyMetadata").get("epsilonSpent").toString())
                .isEqualTo("0.0");
        assertThat(again.output().get("privacyMetadata").get("privacyBudgetRemaining").toString())
                .isEqualTo("9.0");
        assertThat(noise.scales()).hasSize(11);
        assertThat(t.events.types()).contains("privacy.data.anonymized");
    }

    @Test
    void laplaceNoiseFollowsInverseCdf() {
        // u = 0.25 gives -b * ln(0.5) = b * 0.693...; with b = 5 the active count 0 becomes 3.47 ->
        // 3.
        RecordingNoiseSource noise = new RecordingNoiseSource(0.25);
        TestEngine t = classOf(25, noise);

        ToolResult result =
                t.invoke(
                        Operation.GENERATE_WRITING_INSIGHTS,
                        educator(),
                        query("class", "course-1", "week", "class_performance_analysis"));

        JsonNode metrics = result.output().get("insights").get("keyMetrics");
        assertThat(metrics.get("activeStudents").intValue()).isEqualTo(3);
        assertThat(metrics.get("engagementRate").toString()).isEqualTo("0.120");
        // 0 + 400 * ln 2 = 277.26 words per student, clamped to [0, 2000].
        assertThat(metrics.get("averageWordsPerStudent").toString()).isEqualTo("277.3");
    }

    @Test
    void clampingKeepsReleasedValuesInRange() {
        // u = -0.45 gives b * ln(0.1) = -2.30 b, so every released count clamps at zero.
        RecordingNoiseSource noise = new RecordingNoiseSource(-0.45);
        TestEngine t = classOf(25, noise);

        ToolResult result =
                t.invoke(
                        Operation.GENERATE_WRITING_INSIGHTS,
                        educator(),
                        query("class", "course-1", "week", "class_performance_analysis"));

        JsonNode metrics = result.output().get("insights").get("keyMetrics");
        assertThat(metrics.get("activeStudents").intValue()).isZero();
        assertThat(metrics.get("averageWordsPerStudent").toString()).isEqualTo("0.0");
        assertThat(metrics.get("averageReflectionQuality").isNull()).isTrue();
        assertThat(metrics.get("completionRate").toString()).isEqualTo("0.000");
    }

    @Test
    void i3CohortDistributionScale() {
        RecordingNoiseSource noise = RecordingNoiseSource.zero();
        TestEngine t = TestEngine.at(END, noise, c -> c);
        t.directory.addCohort("cohort-1", "inst-1");
        t.directory.addCourse(
                new Course("course-a", "inst-1", List.of("educator-1"), null, List.of("cohort-1")));
        for (int i = 0; i < 12; i++) {
            t.directory.enrol("student-" + i, "course-a", true);
        }
        t.reflections.save(reflection("student-0", 95, "2025-03-05T10:00:00Z"));
        t.reflections.save(reflection("student-1", 50, "2025-03-05T10:00:00Z"));
        CallContext admin =
                TestEngine.context(TestEngine.caller("admin-1", Role.ADMINISTRATOR, "inst-1"));

        ToolResult result =
                t.invoke(
                        Operation.GENERATE_WRITING_INSIGHTS,
                        admin,
                        query("cohort", "cohort-1", "week", "learning_analytics"));

        List<Double> expected =
                new java.util.ArrayList<>(List.of(6.0, 2000.0 / 12 * 6, 600.0, 6.0));
        expected.addAll(Collections.nCopies(4, 12.0));
        expected.addAll(Collections.nCopies(7, 42.0));
        assertThat(noise.scales()).hasSize(15);
        assertThat(noise.scales().subList(4, 8)).containsOnly(12.0);
        assertThat(noise.scales().get(0)).isEqualTo(6.0);
        assertThat(noise.scales().get(2)).isEqualTo(600.0);
        assertThat(noise.scales().subList(8, 15)).containsOnly(42.0);
        JsonNode metrics = result.output().get("insights").get("keyMetrics");
        assertThat(metrics.get("cohortSize").intValue()).isEqualTo(12);
        assertThat(metrics.get("qualityDistribution").toString())
                .isEqualTo(
                        "{\"excellent\":0.500,\"good\":0.000,\"satisfactory\":0.000,"
                                + "\"needsImprovement\":0.500}");
        assertThat(metrics.get("activeStudents").intValue()).isEqualTo(2);
    }

    @Test
    void i4ClassOfFourIsTooSmall() {
        TestEngine t = classOf(4, RecordingNoiseSource.zero());

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.GENERATE_WRITING_INSIGHTS,
                                        educator(),
                                        query("class", "course-1", "week", "learning_analytics")));

        assertThat(error.code()).isEqualTo(ErrorCode.INSUFFICIENT_GROUP_SIZE);
        assertThat(error.getMessage()).doesNotContain("4");
    }

    private static TestEngine researchCohort(int consenting) {
        TestEngine t = TestEngine.at(END, RecordingNoiseSource.zero(), c -> c);
        t.directory.addCohort("cohort-r", "inst-1");
        t.directory.addCourse(
                new Course("course-r", "inst-1", List.of(), null, List.of("cohort-r")));
        for (int i = 0; i < 300; i++) {
            t.directory.enrol("student-" + i, "course-r", true);
            if (i < consenting) {
                t.consents.grant("student-" + i, "research");
            }
        }
        return t;
    }

    @Test
    void i4ResearchGroupNeedsTwentyConsentingStudents() {
        CallContext researcher =
                TestEngine.context(TestEngine.caller("researcher-1", Role.RESEARCHER, "inst-1"));
        TestEngine nineteen = researchCohort(19);
        TestEngine twenty = researchCohort(20);

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                nineteen.invoke(
                                        Operation.GENERATE_WRITING_INSIGHTS,
                                        researcher,
                                        query("cohort", "cohort-r", "week", "research")));
        ToolResult answered =
                twenty.invoke(
                        Operation.GENERATE_WRITING_INSIGHTS,
                        researcher,
                        query("cohort", "cohort-r", "week", "research"));

        assertThat(error.code()).isEqualTo(ErrorCode.INSUFFICIENT_GROUP_SIZE);
        assertThat(answered.output().get("insights").get("keyMetrics").get("cohortSize").intValue())
                .isEqualTo(20);
        assertThat(twenty.auditTrail.all().get(0).legalBasis()).isEqualTo("consent");
    }

    @Test
    void i5EleventhFreshQueryExhaustsBudget() {
        TestEngine t = classOf(5, RecordingNoiseSource.zero());
        for (int day = 0; day < 10; day++) {
            t.clock.set(END.plusSeconds(86_400L * day));
            t.invoke(
                    Operation.GENERATE_WRITING_INSIGHTS,
                    educator(),
                    query("class", "course-1", "week", "learning_analytics"));
        }
        t.clock.set(END.plusSeconds(86_400L * 10));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.GENERATE_WRITING_INSIGHTS,
                                        educator(),
                                        query("class", "course-1", "month", "learning_analytics")));

        assertThat(error.code()).isEqualTo(ErrorCode.PRIVACY_BUDGET_EXHAUSTED);
        assertThat(t.budgets.balance("class", "course-1").spent()).isEqualByComparingTo("10.0");
    }

    @Test
    void studentMayNotAskForClass() {
        TestEngine t = classOf(5, RecordingNoiseSource.zero());
        CallContext student =
                TestEngine.context(TestEngine.caller("student-0", Role.STUDENT, "inst-1"));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.GENERATE_WRITING_INSIGHTS,
                                        student,
                                        query("class", "course-1", "week", "learning")));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void educatorOfAnotherCourseIsForbidden() {
        TestEngine t = classOf(5, RecordingNoiseSource.zero());
        CallContext other =
                TestEngine.context(TestEngine.caller("educator-2", Role.EDUCATOR, "inst-1"));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.GENERATE_WRITING_INSIGHTS,
                                        other,
                                        query("class", "course-1", "week", "learning_analytics")));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void administratorOfOtherInstitutionGetsNotFound() {
        TestEngine t = classOf(5, RecordingNoiseSource.zero());
        CallContext admin =
                TestEngine.context(TestEngine.caller("admin-2", Role.ADMINISTRATOR, "inst-2"));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.GENERATE_WRITING_INSIGHTS,
                                        admin,
                                        query("class", "course-1", "week", "learning_analytics")));

        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void researcherNeverGetsIndividualInsights() {
        TestEngine t = classOf(5, RecordingNoiseSource.zero());
        CallContext researcher =
                TestEngine.context(TestEngine.caller("researcher-1", Role.RESEARCHER, "inst-1"));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.GENERATE_WRITING_INSIGHTS,
                                        researcher,
                                        query("individual", "student-0", "week", "research")));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void administratorNeedsJustificationForOneStudent() {
        TestEngine t = classOf(5, RecordingNoiseSource.zero());
        t.consents.grant("student-0", "progress_tracking");
        CallContext admin =
                TestEngine.context(TestEngine.caller("admin-1", Role.ADMINISTRATOR, "inst-1"));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.GENERATE_WRITING_INSIGHTS,
                                        admin,
                                        query(
                                                "individual",
                                                "student-0",
                                                "week",
                                                "learning_analytics")));
        ToolResult justified =
                t.invoke(
                        Operation.GENERATE_WRITING_INSIGHTS,
                        admin.withAccessJustification("Safeguarding review requested by dean"),
                        query("individual", "student-0", "week", "learning_analytics"));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.reason()).isEqualTo("JUSTIFICATION_REQUIRED");
        assertThat(justified.output().get("insights")).isNotNull();
        assertThat(
                        t.events
                                .ofType("privacy.data.accessed")
                                .get(0)
                                .payload()
                                .get("purpose")
                                .asString())
                .isEqualTo("system-monitoring");
    }
}
