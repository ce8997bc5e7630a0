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
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.testing.InMemoryCourseDirectory;
import dev.scribe.writinganalysis.core.testing.TestEngine;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Patterns, reflection, classification and purpose tools end to end through the facade. */
class AnalysisToolsTest {

    private static final Instant NOW = Instant.parse("2025-03-08T12:34:56.789Z");
    private static final String W1 =
            "I wrote my draft quickly. However, I revised it twice!\n\nYou should try outlining first.";
    private static final String R2 =
            "I realized my thesis was weak because I had not compared the two sources. However, on"
                    + " the other hand, the evidence showed a clear impact. For example, in the"
                    + " second draft I rewrote 3 paragraphs. Next time I will set a goal to draft"
                    + " earlier; my mistake taught me to learn from feedback. I felt proud. I think"
                    + " my strength is analysis and my perspective improved.";

    private TestEngine t;
    private CallContext student;
    private CallContext educator;

    @BeforeEach
    void setUp() {
        t = TestEngine.at(NOW);
        t.directory.addCourse(InMemoryCourseDirectory.course("course-1", "inst-1", "educator-1"));
        t.directory.enrol("student-1", "course-1", true);
        t.directory.addStudent("student-9", "inst-1");
        t.consents.grant("student-1", "ai_analysis", "progress_tracking");
        t.consents.grant("student-9", "ai_analysis");
        student = TestEngine.context(TestEngine.caller("student-1", Role.STUDENT, "inst-1"));
        educator = TestEngine.context(TestEngine.caller("educator-1", Role.EDUCATOR, "inst-1"));
    }

    private static ObjectNode patterns(String content, String userId) {
        ObjectNode args = Json.object();
        args.put("content", content);
        args.put("userId", userId);
        args.put("purpose", "writing_improvement");
        return args;
    }

    @Test
    void w1PatternsThroughFacade() {
        ToolResult result =
                t.invoke(Operation.ANALYZE_WRITING_PATTERNS, student, patterns(W1, "student-1"));

        JsonNode output = result.output();
        assertThat(output.get("patterns").get("structure").toString())
                .isEqualTo(
                        "{\"sentenceCount\":3,\"paragraphCount\":2,\"wordCount\":15,"
                                + "\"averageSentenceLength\":5.00,\"paragraphLengths\":[10,5],"
                                + "\"organizationScore\":60,\"transitionWords\":1}");
        assertThat(output.get("patterns").get("sentiment").toString())
                .isEqualTo(
                        "{\"overallSentiment\":0.000,\"sentimentLabel\":\"neutral\","
                                + "\"confidence\":0.000}");
        assertThat(output.get("patterns").get("complexity").toString())
                .isEqualTo(
                        "{\"averageWordLength\":4.53,\"longWordPercentage\":26.67,"
                                + "\"complexityScore\":0.287,\"readabilityLevel\":\"basic\"}");
        assertThat(output.get("patterns").get("style").toString())
                .isEqualTo(
                        "{\"vocabularyDiversity\":0.933,\"firstPersonUsage\":20.00,"
                                + "\"secondPersonUsage\":6.67,\"academicTone\":6.67,"
                                + "\"writingStyle\":\"personal\"}");
        assertThat(output.get("privacyMetadata").toString())
                .isEqualTo(
                        "{\"contentRedacted\":false,\"sensitiveElementsRemoved\":0,"
                                + "\"analysisScope\":\"full\"}");
        assertThat(output.get("timestamp").asString()).isEqualTo("2025-03-08T12:34:56.789Z");
        assertThat(result.notices()).containsExactly("OPTIONS_DEFAULTED");
        assertThat(t.events.types())
                .containsExactly("privacy.data.accessed", "content.classified", "writing.analyzed");
        AuditEntry entry = t.auditTrail.all().get(0);
        assertThat(entry.resourceType()).isEqualTo("writing_patterns");
        assertThat(entry.legalBasis()).isEqualTo("consent");
    }

    @Test
    void patternsAnalyseRedactedText() {
        ObjectNode args = patterns("Please email me at sam.lee@example.org tomorrow.", "student-1");
        args.putObject("options").put("includeStructure", true).put("retainContent", true);

        ToolResult result = t.invoke(Operation.ANALYZE_WRITING_PATTERNS, student, args);

        JsonNode output = result.output();
        assertThat(output.get("privacyMetadata").get("contentRedacted").booleanValue()).isTrue();
        assertThat(output.get("privacyMetadata").get("sensitiveElementsRemoved").intValue())
                .isEqualTo(1);
        assertThat(output.get("privacyMetadata").get("analysisScope").asString())
                .isEqualTo("limited");
        assertThat(output.get("patterns").get("sentiment").isNull()).isTrue();
        assertThat(output.get("patterns").get("complexity").isNull()).isTrue();
        // The redacted text has 6 tokens: Please email me at [REDACTED_PERSONAL_EMAILS] tomorrow.
        assertThat(output.get("patterns").get("structure").get("wordCount").intValue())
                .isEqualTo(6);
        assertThat(t.retained.all()).hasSize(1);
        assertThat(t.retained.all().get(0).redacted()).isTrue();
        for (EventEnvelope event : t.events.all()) {
            assertThat(event.payload().toString())
                    .doesNotContain("sam.lee")
                    .doesNotContain("student-1");
        }
    }

    @Test
    void studentAnalysingAnotherIsForbidden() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.ANALYZE_WRITING_PATTERNS,
                                        student,
                                        patterns("Some text.", "student-9")));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(t.events.types()).containsExactly("privacy.access.unauthorized");
    }

    @Test
    void researcherMayNotAnalyse() {
        CallContext researcher =
                TestEngine.context(TestEngine.caller("researcher-1", Role.RESEARCHER, "inst-1"));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.ANALYZE_WRITING_PATTERNS,
                                        researcher,
                                        patterns("Some text.", "student-1")));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void unreachableDirectoryFailsClosed() {
        t.directory.failing(true);

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.ANALYZE_WRITING_PATTERNS,
                                        educator,
                                        patterns("Some text.", "student-1")));

        assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(t.auditTrail.all()).isEmpty();
    }

    @Test
    void contentWithoutTokenIsInvalidBeforeAccess() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.ANALYZE_WRITING_PATTERNS,
                                        student,
                                        patterns("?!", "student-9")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(t.auditTrail.all()).isEmpty();
    }

    @Test
    void unknownPurposeIsInvalid() {
        ObjectNode args = patterns("Some text.", "student-1");
        args.put("purpose", "marketing");

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () -> t.invoke(Operation.ANALYZE_WRITING_PATTERNS, student, args));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.rule()).isEqualTo("UNKNOWN_PURPOSE");
    }

    @Test
    void withdrawnConsentIsReported() {
        t.consents.put(
                "student-1",
                new dev.scribe.writinganalysis.core.port.ConsentDecision(
                        "ai_analysis",
                        true,
                        true,
                        dev.scribe.writinganalysis.core.port.ConsentSource.STUDENT,
                        null));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.ANALYZE_WRITING_PATTERNS,
                                        student,
                                        patterns("Some text.", "student-1")));

        assertThat(error.code()).isEqualTo(ErrorCode.CONSENT_REQUIRED);
        assertThat(t.events.all().get(0).payload().get("verificationResult").asString())
                .isEqualTo("withdrawn");
    }

    @Test
    void minorNeedsGuardianConsent() {
        t.consents.age("student-1", 12);

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.ANALYZE_WRITING_PATTERNS,
                                        student,
                                        patterns("Some text.", "student-1")));
        t.consents.put(
                "student-1",
                new dev.scribe.writinganalysis.core.port.ConsentDecision(
                        "ai_analysis",
                        true,
                        false,
                        dev.scribe.writinganalysis.core.port.ConsentSource.GUARDIAN,
                        null));
        ToolResult allowed =
                t.invoke(
                        Operation.ANALYZE_WRITING_PATTERNS,
                        student,
                        patterns("Some text.", "student-1"));

        assertThat(error.code()).isEqualTo(ErrorCode.CONSENT_REQUIRED);
        assertThat(allowed.output().get("patterns")).isNotNull();
    }

    @Test
    void expiredConsentIsReported() {
        t.consents.put(
                "student-1",
                new dev.scribe.writinganalysis.core.port.ConsentDecision(
                        "ai_analysis",
                        true,
                        false,
                        dev.scribe.writinganalysis.core.port.ConsentSource.STUDENT,
                        NOW.minusSeconds(1)));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.ANALYZE_WRITING_PATTERNS,
                                        student,
                                        patterns("Some text.", "student-1")));

        assertThat(error.code()).isEqualTo(ErrorCode.CONSENT_REQUIRED);
        assertThat(t.events.all().get(0).payload().get("verificationResult").asString())
                .isEqualTo("expired");
    }

    private static ObjectNode reflection(String text, String userId) {
        ObjectNode args = Json.object();
        args.put("reflection", text);
        args.put("userId", userId);
        args.put("purpose", "reflection_assessment");
        return args;
    }

    @Test
    void r2ReflectionIsScoredAndStored() {
        ObjectNode args = reflection(R2, "student-1");
        args.putObject("assignmentContext")
                .put("assignmentId", "essay-1")
                .putObject("rubric")
                .put("depth", 1);
        args.put("consent", true);

        ToolResult result = t.invoke(Operation.EVALUATE_REFLECTION_QUALITY, student, args);

        JsonNode output = result.output();
        assertThat(output.get("quality").toString())
                .isEqualTo(
                        "{\"overall\":73,\"dimensions\":{\"depth\":30,\"selfAwareness\":85,"
                                + "\"criticalThinking\":100,\"growthMindset\":95,"
                                + "\"specificity\":60}}");
        assertThat(output.get("progressiveAccess").get("currentLevel").asString())
                .isEqualTo("basic");
        assertThat(output.get("progressiveAccess").get("nextLevelRequirements").toString())
                .isEqualTo("[\"Reach a reflection score of at least 75.\"]");
        assertThat(output.get("feedback").size()).isEqualTo(2);
        ReflectionRecord stored = t.reflections.all().get(0);
        assertThat(output.get("reflectionId").asString()).isEqualTo(stored.reflectionId());
        assertThat(stored.overall()).isEqualTo(73);
        assertThat(stored.assignmentId()).isEqualTo("essay-1");
        assertThat(result.notices())
                .containsExactly("FIELD_IGNORED:consent", "FIELD_IGNORED:rubric");
        assertThat(t.events.types())
                .containsExactly(
                        "privacy.data.accessed",
                        "content.classified",
                        "reflection.quality.assessed");
        assertThat(t.auditTrail.all().get(0).resourcePseudonym()).isNotNull();
    }

    @Test
    void educatorEvaluatesTaughtStudentOnly() {
        ToolResult taught =
                t.invoke(
                        Operation.EVALUATE_REFLECTION_QUALITY,
                        educator,
                        reflection("It was fine.", "student-1"));
        ToolException other =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.EVALUATE_REFLECTION_QUALITY,
                                        educator,
                                        reflection("It was fine.", "student-9")));

        assertThat(taught.output().get("quality").get("overall").intValue()).isZero();
        assertThat(other.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void c1ClassificationThroughFacade() {
        ObjectNode args = Json.object();
        args.put("content", "Please email me at sam.lee@example.org tomorrow.");

        ToolResult result = t.invoke(Operation.CLASSIFY_CONTENT_SENSITIVITY, student, args);

        JsonNode output = result.output();
        assertThat(output.get("sensitivityLevel").asString()).isEqualTo("low");
        assertThat(output.get("sensitivityScore").decimalValue()).isEqualByComparingTo("0.63");
        assertThat(output.get("sensitiveElements").toString())
                .isEqualTo(
                        "[{\"type\":\"personal_emails\",\"text\":\"sam.lee@example.org\","
                                + "\"startIndex\":19,\"endIndex\":38,\"confidence\":0.90}]");
        assertThat(output.get("redactedContent").asString())
                .isEqualTo("Please email me at [REDACTED_PERSONAL_EMAILS] tomorrow.");
        assertThat(output.get("classificationTimestamp").asString())
                .isEqualTo("2025-03-08T12:34:56.789Z");
        assertThat(t.auditTrail.all()).isEmpty();
        assertThat(t.events.types()).containsExactly("content.classified");
        assertThat(t.events.all().get(0).payload().toString()).doesNotContain("sam.lee");
    }

    @Test
    void systemIdentityNeedsAllowList() {
        CallContext system = TestEngine.context(TestEngine.caller("svc-1", Role.SYSTEM, null));
        ObjectNode args = Json.object().put("content", "Hello there.");

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () -> t.invoke(Operation.CLASSIFY_CONTENT_SENSITIVITY, system, args));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.reason()).isEqualTo("SYSTEM_NOT_ALLOW_LISTED");
    }

    private static ObjectNode purposeArgs(String text, String data, String role) {
        ObjectNode args = Json.object();
        args.put("purpose", text);
        args.putArray("requestedData").add(data);
        args.put("requesterRole", role);
        return args;
    }

    @Test
    void p2PurposeIsValid() {
        ToolResult result =
                t.invoke(
                        Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                        student,
                        purposeArgs(
                                "Support student success through timely intervention and"
                                        + " personalized learning feedback",
                                "progress_metrics",
                                "student"));

        JsonNode output = result.output();
        assertThat(output.get("valid").booleanValue()).isTrue();
        assertThat(output.get("score").toString()).isEqualTo("0.85");
        assertThat(output.get("approvalRequired").booleanValue()).isFalse();
        assertThat(output.has("requiredApprovers")).isFalse();
        assertThat(output.get("reasonCode").isNull()).isTrue();
        AuditEntry entry = t.auditTrail.all().get(0);
        assertThat(entry.category()).isEqualTo("authorization");
        assertThat(entry.subjectPseudonym()).isNull();
        assertThat(entry.privacyLevel()).isEqualTo("restricted");
        assertThat(t.events.types()).containsExactly("purpose.validated");
    }

    @Test
    void p1PurposeNeedsApproval() {
        ToolResult result =
                t.invoke(
                        Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                        student,
                        purposeArgs("learning improvement", "writing_content", "student"));

        assertThat(result.output().get("score").toString()).isEqualTo("0.53");
        assertThat(result.output().get("requiredApprovers").toString())
                .isEqualTo("[\"privacy_officer\"]");
    }

    @Test
    void requesterRoleMustMatchCaller() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                                        student,
                                        purposeArgs("for learning", "course_data", "educator")));

        assertThat(error.code()).isEqualTo(ErrorCode.IDENTITY_MISMATCH);
        assertThat(error.field()).isEqualTo("requesterRole");
    }

    @Test
    void administratorMayValidateForAnotherRole() {
        CallContext admin =
                TestEngine.context(TestEngine.caller("admin-1", Role.ADMINISTRATOR, "inst-1"));

        ToolResult result =
                t.invoke(
                        Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                        admin,
                        purposeArgs("for learning", "course_data", "educator"));

        assertThat(result.output().get("valid")).isNotNull();
    }
}
