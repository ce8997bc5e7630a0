package dev.scribe.writinganalysis.core.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.testing.InMemoryCourseDirectory;
import dev.scribe.writinganalysis.core.testing.RecordingNoiseSource;
import dev.scribe.writinganalysis.core.testing.TestEngine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Chain verification through the engine: range arguments and the reported range. */
class VerifyChainToolTest {

    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00.000Z");
    private static final byte[] CHECKPOINT_KEY = "checkpoint-key".getBytes(StandardCharsets.UTF_8);

    private TestEngine t;
    private CallContext admin;

    /** Appends five audit entries with a checkpoint after every second entry (at 2 and 4). */
    @BeforeEach
    void appendFiveEntries() {
        t =
                TestEngine.at(
                        NOW,
                        RecordingNoiseSource.zero(),
                        config -> config.withCheckpoints("checkpoint-1", CHECKPOINT_KEY, 2));
        t.directory.addCourse(InMemoryCourseDirectory.course("course-1", "inst-1", "educator-7"));
        t.directory.enrol("student-42", "course-1", true);
        CallContext student =
                TestEngine.context(TestEngine.caller("student-42", Role.STUDENT, "inst-1"));
        for (int i = 0; i < 5; i++) {
            ObjectNode access = Json.object();
            access.put("accessType", "read");
            access.put("dataType", "writing_content");
            access.put("userId", "student-42");
            access.put("accessedBy", "student-42");
            access.put("purpose", "writing_improvement");
            t.invoke(Operation.AUDIT_WRITING_DATA_ACCESS, student, access);
        }
        admin = TestEngine.context(TestEngine.caller("admin-1", Role.ADMINISTRATOR, "inst-1"));
    }

    private JsonNode verify(String arguments) {
        return t.invoke(Operation.VERIFY_AUDIT_CHAIN, admin, Json.mapper().readTree(arguments))
                .output();
    }

    private ToolException rejection(String arguments) {
        return catchThrowableOfType(ToolException.class, () -> verify(arguments));
    }

    @Test
    void fiveEntriesAreStored() {
        assertThat(t.auditTrail.all()).hasSize(5);
    }

    @Test
    void fromAfterToIsInvalid() {
        ToolException error = rejection("{\"from\":4,\"to\":2}");

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("from");
        assertThat(error.rule()).isEqualTo("from <= to");
        assertThat(error.rejectedValue()).isEqualTo("4");
    }

    @Test
    void fromAfterToBeyondHeadIsInvalid() {
        ToolException error = rejection("{\"from\":100,\"to\":50}");

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("from");
        assertThat(error.rule()).isEqualTo("from <= to");
    }

    @Test
    void singleEntryRangeIsValid() {
        JsonNode output = verify("{\"from\":1,\"to\":1}");

        assertThat(output.get("valid").booleanValue()).isTrue();
        assertThat(output.get("from").longValue()).isEqualTo(1);
        assertThat(output.get("to").longValue()).isEqualTo(1);
        assertThat(output.get("entriesChecked").longValue()).isEqualTo(1);
    }

    @Test
    void fromBeyondHeadIsValidAndEmpty() {
        JsonNode output = verify("{\"from\":9}");

        assertThat(output.get("valid").booleanValue()).isTrue();
        assertThat(output.get("from").longValue()).isEqualTo(9);
        assertThat(output.get("to").longValue()).isEqualTo(5);
        assertThat(output.get("entriesChecked").longValue()).isZero();
        assertThat(output.get("checkpointsChecked").longValue()).isZero();
    }

    @Test
    void rangeBeyondHeadEndsAtHead() {
        JsonNode output = verify("{\"from\":9,\"to\":12}");

        assertThat(output.get("valid").booleanValue()).isTrue();
        assertThat(output.get("from").longValue()).isEqualTo(9);
        assertThat(output.get("to").longValue()).isEqualTo(5);
        assertThat(output.get("entriesChecked").longValue()).isZero();
    }

    @Test
    void entriesCheckedIncludesEntriesFromAnchor() {
        // The checkpoint at 2 anchors a range starting at 3, so entries 2 to 4 are recomputed.
        JsonNode output = verify("{\"from\":3,\"to\":4}");

        assertThat(output.get("valid").booleanValue()).isTrue();
        assertThat(output.get("from").longValue()).isEqualTo(3);
        assertThat(output.get("to").longValue()).isEqualTo(4);
        assertThat(output.get("entriesChecked").longValue()).isEqualTo(3);
        assertThat(output.get("checkpointsChecked").longValue()).isEqualTo(2);
        assertThat(output.get("lastCheckpointSeq").longValue()).isEqualTo(4);
    }

    @Test
    void wholeChainByDefault() {
        JsonNode output = verify("{}");

        assertThat(output.get("valid").booleanValue()).isTrue();
        assertThat(output.get("from").longValue()).isEqualTo(1);
        assertThat(output.get("to").longValue()).isEqualTo(5);
        assertThat(output.get("entriesChecked").longValue()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "from, 1e19, maximum 9223372036854775807",
        "from, 1e308, maximum 9223372036854775807",
        "from, -1e30, minimum 1",
        "to, 1e19, maximum 9223372036854775807",
        "to, -1e30, minimum 1",
        "to, 9223372036854775808, maximum 9223372036854775807"
    })
    void boundOutsideLongRangeIsInvalid(String field, String literal, String rule) {
        ToolException error = rejection("{\"" + field + "\":" + literal + "}");

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.rule()).isEqualTo(rule);
    }

    @Test
    void fourHundredDigitBoundIsInvalid() {
        ToolException error = rejection("{\"to\":" + "7".repeat(400) + "}");

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("to");
        assertThat(error.rule()).isEqualTo("maximum 9223372036854775807");
        assertThat(error.rejectedValue()).isEqualTo("number of 400 characters");
    }
}
