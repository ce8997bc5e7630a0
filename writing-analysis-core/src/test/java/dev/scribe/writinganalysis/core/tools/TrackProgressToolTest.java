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
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.testing.InMemoryCourseDirectory;
import dev.scribe.writinganalysis.core.testing.TestEngine;
import java.time.Instant;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TrackProgressToolTest {

    private static final Instant NOW = Instant.parse("2025-03-08T12:00:00Z");

    private TestEngine t;
    private CallContext student;

    @BeforeEach
    void setUp() {
        t = TestEngine.at(NOW);
        t.directory.addCourse(InMemoryCourseDirectory.course("course-1", "inst-1", "educator-1"));
        t.directory.enrol("student-1", "course-1", true);
        t.directory.enrol("student-2", "course-1", true);
        t.consents.grant("student-1", "progress_tracking", "ai_analysis");
        t.consents.grant("student-2", "progress_tracking");
        student = TestEngine.context(TestEngine.caller("student-1", Role.STUDENT, "inst-1"));
    }

    private static ObjectNode args(String userId, String sessionId, int words, int seconds) {
        ObjectNode args = Json.object();
        args.put("userId", userId);
        args.put("sessionId", sessionId);
        args.put("purpose", "student_progress_tracking");
        ObjectNode metrics = args.putObject("metrics");
        metrics.put("wordCount", words);
        metrics.put("timeSpent", seconds);
        return args;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "T1, 347, 1234, 350, 1260, 16.7, ''",
        "T2, 345, 1230, 350, 1260, 16.7, ''",
        "T3, 344, 1229, 340, 1200, 17.0, ''",
        "T4, 40, 900, 40, 900, 2.7, writing_block_detected",
        "T5, 8000, 7230, 8000, 7260, 66.1, extended_session",
        "T6, 8000, 7229, 8000, 7200, 66.7, ''",
        "T7, 120, 0, 120, 0, 0.0, ''"
    })
    void goldenProgressCases(
            String id,
            int words,
            int seconds,
            int recordedWords,
            int recordedSeconds,
            String wordsPerMinute,
            String trigger) {
        ToolResult result =
                t.invoke(
                        Operation.TRACK_WRITING_PROGRESS,
                        student,
                        args("student-1", "session-" + id, words, seconds));

        JsonNode output = result.output();
        assertThat(output.get("recordedMetrics").get("wordCount").intValue())
                .isEqualTo(recordedWords);
        assertThat(output.get("recordedMetrics").get("timeSpent").intValue())
                .isEqualTo(recordedSeconds);
        assertThat(output.get("aggregatedMetrics").get("averageWordsPerMinute").toString())
                .isEqualTo(wordsPerMinute);
        assertThat(output.get("interventionTriggers").toString())
                .isEqualTo(trigger.isEmpty() ? "[]" : "[\"" + trigger + "\"]");
        assertThat(output.get("progressRecorded").booleanValue()).isTrue();
        assertThat(output.get("privacyCompliant").booleanValue()).isTrue();
    }

    @Test
    void storesMinimisedSnapshotAndAudits() {
        t.invoke(Operation.TRACK_WRITING_PROGRESS, student, args("student-1", "s-1", 347, 1234));

        assertThat(t.sessions.find("s-1").orElseThrow().wordCount()).isEqualTo(350);
        AuditEntry entry = t.auditTrail.all().get(0);
        assertThat(entry.category()).isEqualTo("data_modification");
        assertThat(entry.resourceType()).isEqualTo("writing_progress");
        assertThat(entry.legalBasis()).isEqualTo("consent");
        assertThat(entry.details().get("privacyFlags").toString()).isEqualTo("[\"self_access\"]");
        assertThat(t.events.types())
                .containsExactly("privacy.data.accessed", "student.progress.updated");
    }

    @Test
    void triggerPublishesIntervention() {
        t.invoke(Operation.TRACK_WRITING_PROGRESS, student, args("student-1", "s-1", 40, 900));

        assertThat(t.events.types()).contains("intervention.triggered");
        JsonNode payload = t.events.ofType("intervention.triggered").get(0).payload();
        assertThat(payload.toString()).doesNotContain("student-1");
    }

    @Test
    void olderSnapshotIsStale() {
        t.invoke(Operation.TRACK_WRITING_PROGRESS, student, args("student-1", "s-1", 100, 1200));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.TRACK_WRITING_PROGRESS,
                                        student,
                                        args("student-1", "s-1", 120, 600)));

        assertThat(error.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(error.reason()).isEqualTo("STALE_SNAPSHOT");
    }

    @Test
    void sessionOfAnotherStudentConflicts() {
        CallContext other =
                TestEngine.context(TestEngine.caller("student-2", Role.STUDENT, "inst-1"));
        t.invoke(Operation.TRACK_WRITING_PROGRESS, other, args("student-2", "shared", 10, 60));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.TRACK_WRITING_PROGRESS,
                                        student,
                                        args("student-1", "shared", 20, 120)));

        assertThat(error.code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void studentWritingForAnotherIsForbiddenAndAudited() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.TRACK_WRITING_PROGRESS,
                                        student,
                                        args("student-2", "s-9", 20, 120)));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        AuditEntry denial = t.auditTrail.all().get(0);
        assertThat(denial.category()).isEqualTo("authorization");
        assertThat(denial.outcome()).isEqualTo("failure");
        assertThat(t.events.types()).containsExactly("privacy.access.unauthorized");
        assertThat(t.sessions.find("s-9")).isEmpty();
    }

    @Test
    void educatorMayNotWriteProgress() {
        CallContext educator =
                TestEngine.context(TestEngine.caller("educator-1", Role.EDUCATOR, "inst-1"));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.TRACK_WRITING_PROGRESS,
                                        educator,
                                        args("student-1", "s-1", 20, 120)));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void missingConsentIsRequiredEvenForSelf() {
        t.consents.revokeAll("student-1");

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.TRACK_WRITING_PROGRESS,
                                        student,
                                        args("student-1", "s-1", 20, 120)));

        assertThat(error.code()).isEqualTo(ErrorCode.CONSENT_REQUIRED);
        assertThat(t.events.types()).containsExactly("privacy.consent.verified");
        assertThat(t.events.all().get(0).payload().get("verificationResult").asString())
                .isEqualTo("insufficient");
    }

    @Test
    void unreachableConsentStoreFailsClosed() {
        t.consents.failing(true);

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.TRACK_WRITING_PROGRESS,
                                        student,
                                        args("student-1", "s-1", 20, 120)));

        assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(error.reason()).isEqualTo("CONSENT_UNAVAILABLE");
        assertThat(t.sessions.find("s-1")).isEmpty();
    }

    @Test
    void roleFieldMismatchIsIdentityMismatch() {
        ObjectNode args = args("student-1", "s-1", 20, 120);
        args.put("role", "educator");

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () -> t.invoke(Operation.TRACK_WRITING_PROGRESS, student, args));

        assertThat(error.code()).isEqualTo(ErrorCode.IDENTITY_MISMATCH);
        assertThat(t.events.all().get(0).payload().get("riskLevel").asString()).isEqualTo("high");
    }

    @Test
    void consentFieldIsIgnoredWithNotice() {
        ObjectNode args = args("student-1", "s-1", 20, 120);
        args.put("consent", false);

        ToolResult result = t.invoke(Operation.TRACK_WRITING_PROGRESS, student, args);

        assertThat(result.notices()).containsExactly("FIELD_IGNORED:consent");
    }

    @Test
    void progressReadSumsSessions() {
        t.invoke(Operation.TRACK_WRITING_PROGRESS, student, args("student-1", "s-1", 347, 1234));
        t.invoke(Operation.TRACK_WRITING_PROGRESS, student, args("student-1", "s-2", 600, 1800));
        ObjectNode read = Json.object().put("studentId", "student-1");

        ToolResult result = t.invoke(Operation.READ_WRITING_PROGRESS, student, read);

        assertThat(result.output().get("sessionCount").intValue()).isEqualTo(2);
        assertThat(result.output().get("aggregatedMetrics").get("totalWords").intValue())
                .isEqualTo(950);
        assertThat(result.output().get("aggregatedMetrics").get("totalTime").intValue())
                .isEqualTo(3060);
        assertThat(result.output().get("aggregatedMetrics").get("averageWordsPerMinute").toString())
                .isEqualTo("18.6");
        assertThat(result.output().get("assignmentId").isNull()).isTrue();
    }

    @Test
    void progressReadOfUnknownAssignmentGivesZeros() {
        ObjectNode read = Json.object().put("studentId", "student-1").put("assignmentId", "nope");

        ToolResult result = t.invoke(Operation.READ_WRITING_PROGRESS, student, read);

        assertThat(result.output().get("sessionCount").intValue()).isZero();
        assertThat(result.output().get("aggregatedMetrics").get("averageWordsPerMinute").toString())
                .isEqualTo("0.0");
    }

    @Test
    void educatorReadsTaughtStudentOnly() {
        CallContext educator =
                TestEngine.context(TestEngine.caller("educator-1", Role.EDUCATOR, "inst-1"));
        t.directory.addStudent("student-x", "inst-1");
        t.consents.grant("student-x", "progress_tracking");

        ToolResult taught =
                t.invoke(
                        Operation.READ_WRITING_PROGRESS,
                        educator,
                        Json.object().put("studentId", "student-1"));
        ToolException other =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.READ_WRITING_PROGRESS,
                                        educator,
                                        Json.object().put("studentId", "student-x")));

        assertThat(taught.output().get("sessionCount").intValue()).isZero();
        assertThat(other.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    /** Invokes the tool with {@code literal} as the raw JSON text of one metric. */
    private ToolException trackWithLiteral(String metric, String literal) {
        String metrics =
                "{\"wordCount\":1,\"timeSpent\":1,\"revisions\":0}"
                        .replaceFirst(
                                "\"" + metric + "\":\\d+",
                                Matcher.quoteReplacement("\"" + metric + "\":" + literal));
        JsonNode arguments =
                Json.mapper()
                        .readTree(
                                "{\"userId\":\"student-1\",\"sessionId\":\"n\",\"metrics\":"
                                        + metrics
                                        + ",\"purpose\":\"student_progress_tracking\"}");

        return catchThrowableOfType(
                ToolException.class,
                () -> t.invoke(Operation.TRACK_WRITING_PROGRESS, student, arguments));
    }

    // 1e400 overflows a double to infinity, which the schema library rejects as not an integer.
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "wordCount, 1e19, maximum 1000000",
        "wordCount, 1e30, maximum 1000000",
        "wordCount, -1e30, minimum 0",
        "wordCount, 1e308, maximum 1000000",
        "wordCount, 1e400, type integer",
        "timeSpent, 1e19, maximum 86400",
        "timeSpent, -1e30, minimum 0",
        "revisions, 1e19, maximum 100000",
        "revisions, -1e308, minimum 0",
        "wordCount, 1000001, maximum 1000000"
    })
    void metricOutOfRangeIsInvalid(String metric, String literal, String rule) {
        ToolException error = trackWithLiteral(metric, literal);

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.code().httpStatus()).isEqualTo(400);
        assertThat(error.field()).isEqualTo("metrics." + metric);
        assertThat(error.rule()).isEqualTo(rule);
    }

    @Test
    void fourHundredDigitWordCountIsInvalid() {
        ToolException error = trackWithLiteral("wordCount", "1" + "0".repeat(399));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("metrics.wordCount");
        assertThat(error.rule()).isEqualTo("maximum 1000000");
        assertThat(error.rejectedValue()).isEqualTo("number of 400 characters");
    }

    @Test
    void fractionalWordCountIsInvalid() {
        ToolException error = trackWithLiteral("wordCount", "1.5");

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.rule()).isEqualTo("type integer");
    }

    @Test
    void wordCountAtMaximumIsRecorded() {
        ToolResult result =
                t.invoke(
                        Operation.TRACK_WRITING_PROGRESS,
                        student,
                        args("student-1", "session-max", 1_000_000, 60));

        assertThat(result.output().get("recordedMetrics").get("wordCount").intValue())
                .isEqualTo(1_000_000);
    }

    @Test
    void integralExponentWordCountIsRecorded() {
        // JSON Schema counts 1e2 as the integer 100, so it is accepted like 100.
        JsonNode arguments =
                Json.mapper()
                        .readTree(
                                "{\"userId\":\"student-1\",\"sessionId\":\"session-exp\","
                                        + "\"metrics\":{\"wordCount\":1e2,\"timeSpent\":6e1},"
                                        + "\"purpose\":\"student_progress_tracking\"}");

        ToolResult result = t.invoke(Operation.TRACK_WRITING_PROGRESS, student, arguments);

        assertThat(result.output().get("recordedMetrics").get("wordCount").intValue())
                .isEqualTo(100);
        assertThat(result.output().get("recordedMetrics").get("timeSpent").intValue())
                .isEqualTo(60);
    }
}
