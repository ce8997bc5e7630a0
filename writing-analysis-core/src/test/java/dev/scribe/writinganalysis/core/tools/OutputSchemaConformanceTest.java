package dev.scribe.writinganalysis.core.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.Course;
import dev.scribe.writinganalysis.core.testing.RecordingNoiseSource;
import dev.scribe.writinganalysis.core.testing.TestEngine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every operation's output validates against its published output schema. */
class OutputSchemaConformanceTest {

    private static final Instant NOW = Instant.parse("2025-03-08T12:00:00Z");

    private final TestEngine t = TestEngine.at(NOW, new RecordingNoiseSource(0.2, -0.1), c -> c);

    private void assertConforms(Operation operation, ToolResult result) {
        JsonNode schema = t.engine.outputSchema(operation);
        List<Error> errors =
                SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(schema)
                        .validate(result.output());
        assertThat(errors).as(operation.toolName() + " output " + result.output()).isEmpty();
    }

    @Test
    void everyOperationConforms() {
        t.directory.addCohort("cohort-1", "inst-1");
        t.directory.addCourse(
                new Course("course-1", "inst-1", List.of("educator-1"), null, List.of("cohort-1")));
        for (int i = 0; i < 12; i++) {
            t.directory.enrol("student-" + i, "course-1", true);
            t.consents.grant("student-" + i, "ai_analysis", "progress_tracking");
        }
        CallContext student =
                TestEngine.context(TestEngine.caller("student-1", Role.STUDENT, "inst-1"));
        CallContext educator =
                TestEngine.context(TestEngine.caller("educator-1", Role.EDUCATOR, "inst-1"));
        CallContext admin =
                TestEngine.context(TestEngine.caller("admin-1", Role.ADMINISTRATOR, "inst-1"));

        ObjectNode patterns = Json.object();
        patterns.put("content", "My card is 4111 1111 1111 1111. I feel great about it!");
        patterns.put("userId", "student-1");
        patterns.put("purpose", "writing_improvement");
        assertConforms(
                Operation.ANALYZE_WRITING_PATTERNS,
                t.invoke(Operation.ANALYZE_WRITING_PATTERNS, student, patterns));

        ObjectNode reflection = Json.object();
        reflection.put("reflection", "I learned that planning helps. Next time I will outline.");
        reflection.put("userId", "student-1");
        reflection.put("purpose", "reflection_assessment");
        assertConforms(
                Operation.EVALUATE_REFLECTION_QUALITY,
                t.invoke(Operation.EVALUATE_REFLECTION_QUALITY, student, reflection));

        ObjectNode progress = Json.object();
        progress.put("userId", "student-1");
        progress.put("sessionId", "s-1");
        progress.put("purpose", "student_progress_tracking");
        progress.putObject("metrics").put("wordCount", 40).put("timeSpent", 900);
        assertConforms(
                Operation.TRACK_WRITING_PROGRESS,
                t.invoke(Operation.TRACK_WRITING_PROGRESS, student, progress));

        ObjectNode read = Json.object().put("studentId", "student-1");
        assertConforms(
                Operation.READ_WRITING_PROGRESS,
                t.invoke(Operation.READ_WRITING_PROGRESS, student, read));

        ObjectNode individual = Json.object();
        individual.put("scope", "individual");
        individual.put("targetId", "student-1");
        individual.put("timeframe", "week");
        individual.put("purpose", "self_assessment");
        individual.put("includeRecommendations", true);
        assertConforms(
                Operation.GENERATE_WRITING_INSIGHTS,
                t.invoke(Operation.GENERATE_WRITING_INSIGHTS, student, individual));

        ObjectNode classQuery = individual.deepCopy();
        classQuery.put("scope", "class");
        classQuery.put("targetId", "course-1");
        classQuery.put("purpose", "class_performance_analysis");
        assertConforms(
                Operation.GENERATE_WRITING_INSIGHTS,
                t.invoke(Operation.GENERATE_WRITING_INSIGHTS, educator, classQuery));

        ObjectNode cohortQuery = individual.deepCopy();
        cohortQuery.put("scope", "cohort");
        cohortQuery.put("targetId", "cohort-1");
        cohortQuery.put("purpose", "learning_analytics");
        assertConforms(
                Operation.GENERATE_WRITING_INSIGHTS,
                t.invoke(Operation.GENERATE_WRITING_INSIGHTS, admin, cohortQuery));

        ObjectNode classify = Json.object();
        classify.put("content", "I hate this. Terrible, awful day.");
        assertConforms(
                Operation.CLASSIFY_CONTENT_SENSITIVITY,
                t.invoke(Operation.CLASSIFY_CONTENT_SENSITIVITY, student, classify));

        ObjectNode purpose = Json.object();
        purpose.put("purpose", "Review reflections to support struggling students");
        purpose.putArray("requestedData").add("reflection");
        purpose.put("requesterRole", "educator");
        purpose.putArray("targetUsers").add("student-1").add("student-2");
        assertConforms(
                Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                t.invoke(Operation.VALIDATE_EDUCATIONAL_PURPOSE, educator, purpose));

        ObjectNode allowed = Json.object();
        allowed.putObject("request")
                .put("prompt", "Explain what a thesis statement does")
                .put("requestType", "explanation")
                .put("context", "x".repeat(600));
        assertConforms(
                Operation.APPLY_AI_BOUNDARIES,
                t.invoke(Operation.APPLY_AI_BOUNDARIES, student, allowed));
        ObjectNode blocked = Json.object();
        blocked.putObject("request")
                .put("prompt", "Write this for me")
                .put("requestType", "answer");
        assertConforms(
                Operation.APPLY_AI_BOUNDARIES,
                t.invoke(Operation.APPLY_AI_BOUNDARIES, student, blocked));

        ObjectNode audit = Json.object();
        audit.put("accessType", "read");
        audit.put("dataType", "reflection");
        audit.put("userId", "student-1");
        audit.put("accessedBy", "educator-1");
        audit.put("purpose", "educational_feedback");
        assertConforms(
                Operation.AUDIT_WRITING_DATA_ACCESS,
                t.invoke(Operation.AUDIT_WRITING_DATA_ACCESS, educator, audit));

        assertConforms(
                Operation.VERIFY_AUDIT_CHAIN,
                t.invoke(Operation.VERIFY_AUDIT_CHAIN, admin, Json.object()));
    }

    @Test
    void inputSchemaIsACopy() {
        ObjectNode schema = (ObjectNode) t.engine.inputSchema(Operation.ANALYZE_WRITING_PATTERNS);
        schema.put("additionalProperties", true);

        assertThat(
                        t.engine
                                .inputSchema(Operation.ANALYZE_WRITING_PATTERNS)
                                .get("additionalProperties")
                                .asBoolean())
                .isFalse();
    }
}
