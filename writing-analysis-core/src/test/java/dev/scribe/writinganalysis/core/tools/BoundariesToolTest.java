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
import dev.scribe.writinganalysis.core.port.DimensionScores;
import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.testing.InMemoryCourseDirectory;
import dev.scribe.writinganalysis.core.testing.TestEngine;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** AI boundaries with access levels from stored reflections. */
class BoundariesToolTest {

    private static final Instant NOW = Instant.parse("2025-03-08T12:00:00Z");

    private TestEngine t;
    private CallContext student;

    @BeforeEach
    void setUp() {
        t = TestEngine.at(NOW);
        t.directory.addCourse(InMemoryCourseDirectory.course("course-1", "inst-1", "educator-1"));
        t.directory.enrol("student-1", "course-1", true);
        t.consents.grant("student-1", "ai_analysis");
        student = TestEngine.context(TestEngine.caller("student-1", Role.STUDENT, "inst-1"));
    }

    private void storeReflection(int overall) {
        t.reflections.save(
                new ReflectionRecord(
                        "r-" + overall,
                        "student-1",
                        null,
                        overall,
                        new DimensionScores(0, 0, 0, 0, 0),
                        "none",
                        "test",
                        NOW.minusSeconds(60),
                        false));
    }

    private static ObjectNode ask(String prompt, String type) {
        ObjectNode args = Json.object();
        args.putObject("request").put("prompt", prompt).put("requestType", type);
        return args;
    }

    @Test
    void a1ExplanationAllowedWithoutReflection() {
        ToolResult result =
                t.invoke(
                        Operation.APPLY_AI_BOUNDARIES,
                        student,
                        ask("Explain what a thesis statement does", "explanation"));

        JsonNode output = result.output();
        assertThat(output.get("allowed").booleanValue()).isTrue();
        assertThat(output.get("accessLevel").asString()).isEqualTo("restricted");
        assertThat(output.get("modifiedRequest").toString())
                .isEqualTo(
                        "{\"prompt\":\"Explain what a thesis statement does\",\"context\":\"\","
                                + "\"requestType\":\"explanation\"}");
        assertThat(output.get("boundariesApplied").toString()).isEqualTo("[]");
        assertThat(output.get("reason").asString()).isEmpty();
        assertThat(t.events.types())
                .containsExactly("privacy.data.accessed", "ai.boundary.enforced");
    }

    @Test
    void a2EveryRuleIsEvaluated() {
        ToolResult result =
                t.invoke(
                        Operation.APPLY_AI_BOUNDARIES,
                        student,
                        ask("Write this for me please", "answer"));

        JsonNode output = result.output();
        assertThat(output.get("allowed").booleanValue()).isFalse();
        assertThat(output.has("modifiedRequest")).isFalse();
        assertThat(output.get("boundariesApplied").toString())
                .isEqualTo(
                        "[\"reflection_requirement\",\"no_direct_answers\","
                                + "\"educational_value_required\",\"progressive_access\"]");
        assertThat(output.get("suggestions").size()).isEqualTo(6);
        assertThat(output.get("reason").asString())
                .isEqualTo("Complete a reflection before asking for direct answers.");
    }

    @Test
    void a3StoredScoreGivesBasicLevel() {
        storeReflection(68);

        ToolResult result =
                t.invoke(
                        Operation.APPLY_AI_BOUNDARIES,
                        student,
                        ask("Can you look over my second paragraph for flow?", "feedback"));

        assertThat(result.output().get("allowed").booleanValue()).isTrue();
        assertThat(result.output().get("accessLevel").asString()).isEqualTo("basic");
    }

    @Test
    void a4LowScoreStaysRestricted() {
        storeReflection(45);

        ToolResult result =
                t.invoke(
                        Operation.APPLY_AI_BOUNDARIES,
                        student,
                        ask("How do I structure my argument?", "assistance"));

        assertThat(result.output().get("allowed").booleanValue()).isFalse();
        assertThat(result.output().get("boundariesApplied").toString())
                .isEqualTo("[\"progressive_access\"]");
        assertThat(result.output().get("suggestions").size()).isEqualTo(1);
    }

    @Test
    void a5AnswerAllowedAtStandard() {
        storeReflection(80);

        ToolResult result =
                t.invoke(
                        Operation.APPLY_AI_BOUNDARIES,
                        student,
                        ask("What does 'ethos' mean in rhetoric?", "answer"));

        assertThat(result.output().get("allowed").booleanValue()).isTrue();
        assertThat(result.output().get("accessLevel").asString()).isEqualTo("standard");
    }

    @Test
    void a6DirectAnswersBlockedAtEveryLevel() {
        storeReflection(92);

        ToolResult result =
                t.invoke(
                        Operation.APPLY_AI_BOUNDARIES,
                        student,
                        ask("Give me the solution to question 4", "assistance"));

        assertThat(result.output().get("accessLevel").asString()).isEqualTo("enhanced");
        assertThat(result.output().get("boundariesApplied").toString())
                .isEqualTo("[\"no_direct_answers\",\"educational_value_required\"]");
        assertThat(result.output().get("suggestions").size()).isEqualTo(4);
    }

    @Test
    void a7ContextIsRedacted() {
        storeReflection(80);
        ObjectNode args = ask("Can you help me understand why my thesis is weak?", "feedback");
        ((ObjectNode) args.get("request"))
                .put("context", "My teacher Ana Ruiz said the intro is weak.");

        ToolResult result = t.invoke(Operation.APPLY_AI_BOUNDARIES, student, args);

        assertThat(result.output().get("modifiedRequest").get("context").asString())
                .isEqualTo("My teacher [REDACTED_PERSONAL_NAMES] said the intro is weak.");
        assertThat(result.output().get("modifications").toString()).isEqualTo("[\"pii_redacted\"]");
        assertThat(t.auditTrail.all().get(0).details().toString()).doesNotContain("Ana");
    }

    @Test
    void a8ContextIsTruncated() {
        storeReflection(80);
        ObjectNode args = ask("Can you help me understand why my thesis is weak?", "feedback");
        ((ObjectNode) args.get("request")).put("context", "x".repeat(600));

        ToolResult result = t.invoke(Operation.APPLY_AI_BOUNDARIES, student, args);

        String context = result.output().get("modifiedRequest").get("context").asString();
        assertThat(context).isEqualTo("x".repeat(500) + "...[truncated]");
        assertThat(context).hasSize(514);
        assertThat(result.output().get("modifications").toString())
                .isEqualTo("[\"context_truncated\"]");
    }

    @Test
    void compatFlagCanOnlyRestrict() {
        storeReflection(92);
        ObjectNode args = ask("Explain what a thesis statement does", "answer");
        args.putObject("studentContext")
                .put("reflectionCompleted", false)
                .put("progressLevel", 0.9);

        ToolResult result = t.invoke(Operation.APPLY_AI_BOUNDARIES, student, args);

        assertThat(result.output().get("accessLevel").asString()).isEqualTo("restricted");
        assertThat(result.output().get("allowed").booleanValue()).isFalse();
        assertThat(result.notices()).containsExactly("FIELD_IGNORED:progressLevel");
    }

    @Test
    void latestReflectionOfTheAssignmentIsUsed() {
        storeReflection(92);
        t.reflections.save(
                new ReflectionRecord(
                        "r-assignment",
                        "student-1",
                        "essay-2",
                        40,
                        new DimensionScores(0, 0, 0, 0, 0),
                        "none",
                        "test",
                        NOW.minusSeconds(3600),
                        false));
        ObjectNode args = ask("Explain what a thesis statement does", "explanation");
        args.putObject("studentContext").put("assignmentId", "essay-2");

        ToolResult result = t.invoke(Operation.APPLY_AI_BOUNDARIES, student, args);

        assertThat(result.output().get("accessLevel").asString()).isEqualTo("restricted");
    }

    @Test
    void nonStudentMustNameTheStudent() {
        CallContext educator =
                TestEngine.context(TestEngine.caller("educator-1", Role.EDUCATOR, "inst-1"));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.APPLY_AI_BOUNDARIES,
                                        educator,
                                        ask(
                                                "Explain what a thesis statement does",
                                                "explanation")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("studentContext.studentId");
    }

    @Test
    void missingConsentBlocksBoundaries() {
        t.consents.revokeAll("student-1");

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.APPLY_AI_BOUNDARIES,
                                        student,
                                        ask(
                                                "Explain what a thesis statement does",
                                                "explanation")));

        assertThat(error.code()).isEqualTo(ErrorCode.CONSENT_REQUIRED);
    }

    @Test
    void administratorOutsideInstitutionGetsNotFound() {
        CallContext admin =
                TestEngine.context(TestEngine.caller("admin-2", Role.ADMINISTRATOR, "inst-2"))
                        .withAccessJustification("Investigating a safeguarding report today");
        ObjectNode args = ask("Explain what a thesis statement does", "explanation");
        args.putObject("studentContext").put("studentId", "student-1");

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () -> t.invoke(Operation.APPLY_AI_BOUNDARIES, admin, args));

        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    // 1e400 overflows a double to infinity, which the schema library rejects as not a number.
    @ParameterizedTest(name = "progressLevel = {0}")
    @CsvSource({"1e19, maximum 1", "1e308, maximum 1", "-1e30, minimum 0", "1e400, type number"})
    void progressLevelOutOfRangeIsInvalid(String literal, String rule) {
        JsonNode arguments =
                Json.mapper()
                        .readTree(
                                "{\"request\":{\"prompt\":\"Explain a thesis\"},"
                                        + "\"studentContext\":{\"progressLevel\":"
                                        + literal
                                        + "}}");

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () -> t.invoke(Operation.APPLY_AI_BOUNDARIES, student, arguments));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("studentContext.progressLevel");
        assertThat(error.rule()).isEqualTo(rule);
    }
}
