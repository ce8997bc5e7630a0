package dev.scribe.writinganalysis.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.json.ToolSchemas;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ArgumentValidatorTest {

    private static final ArgumentValidator VALIDATOR =
            new ArgumentValidator(new ToolSchemas(Json.mapper()));

    private static ObjectNode patterns(String content, String userId) {
        ObjectNode args = Json.object();
        args.put("content", content);
        args.put("userId", userId);
        args.put("purpose", "writing_improvement");
        return args;
    }

    private static ToolException rejection(Operation operation, ObjectNode args) {
        return catchThrowableOfType(ToolException.class, () -> VALIDATOR.validate(operation, args));
    }

    @Test
    void contentAtLimitIsAccepted() {
        ObjectNode args = patterns("a".repeat(100_000), "student-1");

        assertThatCode(() -> VALIDATOR.validate(Operation.ANALYZE_WRITING_PATTERNS, args))
                .doesNotThrowAnyException();
    }

    @Test
    void contentOverLimitIsPayloadTooLarge() {
        ToolException error =
                rejection(
                        Operation.ANALYZE_WRITING_PATTERNS,
                        patterns("a".repeat(100_001), "student-1"));

        assertThat(error.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(error.field()).isEqualTo("content");
        assertThat(error.rule()).isEqualTo("maxLength 100000");
        assertThat(error.rejectedValue()).isEqualTo("length 100001");
    }

    @Test
    void lengthCountsUtf16Units() {
        // One emoji is two UTF-16 units, so 50,001 of them exceed 100,000 characters.
        ToolException error =
                rejection(
                        Operation.ANALYZE_WRITING_PATTERNS,
                        patterns("\uD83D\uDE00".repeat(50_001), "student-1"));

        assertThat(error.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(error.rejectedValue()).isEqualTo("length 100002");
    }

    @Test
    void identifierAtLimitIsAccepted() {
        ObjectNode args = patterns("text", "s".repeat(128));

        assertThatCode(() -> VALIDATOR.validate(Operation.ANALYZE_WRITING_PATTERNS, args))
                .doesNotThrowAnyException();
    }

    @Test
    void identifierOverLimitIsPayloadTooLarge() {
        ToolException error =
                rejection(Operation.ANALYZE_WRITING_PATTERNS, patterns("text", "s".repeat(129)));

        assertThat(error.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(error.field()).isEqualTo("userId");
    }

    @Test
    void identifierWithSpaceIsInvalidWithoutEcho() {
        ToolException error =
                rejection(Operation.ANALYZE_WRITING_PATTERNS, patterns("text", "jane doe"));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("userId");
        assertThat(error.rule()).startsWith("pattern");
        assertThat(error.rejectedValue()).isEqualTo("length 8");
        assertThat(error.details().toString()).doesNotContain("jane");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        ObjectNode args = patterns("text", "student-1");
        args.remove("purpose");

        ToolException error = rejection(Operation.ANALYZE_WRITING_PATTERNS, args);

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("purpose");
        assertThat(error.rule()).isEqualTo("required");
    }

    @Test
    void unknownPropertyIsRejected() {
        ObjectNode args = patterns("text", "student-1");
        args.putObject("options").put("includeEverything", true);

        ToolException error = rejection(Operation.ANALYZE_WRITING_PATTERNS, args);

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("options.includeEverything");
        assertThat(error.rule()).isEqualTo("unknown property");
    }

    @Test
    void mistypedOptionNamesPathAndType() {
        ObjectNode args = patterns("text", "student-1");
        args.putObject("options").put("includeStructure", "yes");

        ToolException error = rejection(Operation.ANALYZE_WRITING_PATTERNS, args);

        assertThat(error.field()).isEqualTo("options.includeStructure");
        assertThat(error.rule()).isEqualTo("type boolean");
        assertThat(error.rejectedValue()).isEqualTo("string");
    }

    @Test
    void emptyContentIsInvalidNotTooLarge() {
        ToolException error =
                rejection(Operation.ANALYZE_WRITING_PATTERNS, patterns("", "student-1"));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.rule()).isEqualTo("minLength 1");
    }

    private static ObjectNode progress(int wordCount, int timeSpent) {
        ObjectNode args = Json.object();
        args.put("userId", "student-1");
        args.put("sessionId", "session-1");
        args.put("purpose", "student_progress_tracking");
        ObjectNode metrics = args.putObject("metrics");
        metrics.put("wordCount", wordCount);
        metrics.put("timeSpent", timeSpent);
        return args;
    }

    @Test
    void wordCountBoundary() {
        assertThatCode(
                        () ->
                                VALIDATOR.validate(
                                        Operation.TRACK_WRITING_PROGRESS, progress(1_000_000, 0)))
                .doesNotThrowAnyException();

        ToolException error = rejection(Operation.TRACK_WRITING_PROGRESS, progress(1_000_001, 0));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("metrics.wordCount");
        assertThat(error.rule()).isEqualTo("maximum 1000000");
        assertThat(error.rejectedValue()).isEqualTo("1000001");
    }

    @Test
    void timeSpentBoundary() {
        assertThatCode(
                        () ->
                                VALIDATOR.validate(
                                        Operation.TRACK_WRITING_PROGRESS, progress(0, 86_400)))
                .doesNotThrowAnyException();

        ToolException error = rejection(Operation.TRACK_WRITING_PROGRESS, progress(0, 86_401));

        assertThat(error.field()).isEqualTo("metrics.timeSpent");
        assertThat(error.rule()).isEqualTo("maximum 86400");
    }

    @Test
    void negativeAndFractionalMetricsAreInvalid() {
        assertThat(rejection(Operation.TRACK_WRITING_PROGRESS, progress(-1, 0)).rule())
                .isEqualTo("minimum 0");

        ObjectNode fractional = progress(10, 0);
        ((ObjectNode) fractional.get("metrics")).put("wordCount", 10.5);
        assertThat(rejection(Operation.TRACK_WRITING_PROGRESS, fractional).rule())
                .isEqualTo("type integer");
    }

    private static ObjectNode purposeValidation(String purpose, int items) {
        ObjectNode args = Json.object();
        args.put("purpose", purpose);
        ArrayNode data = args.putArray("requestedData");
        for (int i = 0; i < items; i++) {
            data.add("type-" + i);
        }
        args.put("requesterRole", "educator");
        return args;
    }

    @Test
    void requestedDataItemBoundary() {
        assertThatCode(
                        () ->
                                VALIDATOR.validate(
                                        Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                                        purposeValidation("for learning", 20)))
                .doesNotThrowAnyException();

        ToolException error =
                rejection(
                        Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                        purposeValidation("for learning", 21));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("requestedData");
        assertThat(error.rule()).isEqualTo("maxItems 20");
    }

    @Test
    void purposeTextLowerBoundary() {
        assertThatCode(
                        () ->
                                VALIDATOR.validate(
                                        Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                                        purposeValidation("abc", 1)))
                .doesNotThrowAnyException();

        ToolException error =
                rejection(Operation.VALIDATE_EDUCATIONAL_PURPOSE, purposeValidation("ab", 1));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.rule()).isEqualTo("minLength 3");
        assertThat(error.rejectedValue()).isEqualTo("length 2");
    }

    @Test
    void purposeTextUpperBoundary() {
        assertThatCode(
                        () ->
                                VALIDATOR.validate(
                                        Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                                        purposeValidation("p".repeat(2000), 1)))
                .doesNotThrowAnyException();

        ToolException error =
                rejection(
                        Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                        purposeValidation("p".repeat(2001), 1));

        assertThat(error.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(error.rule()).isEqualTo("maxLength 2000");
    }

    @Test
    void reflectionBoundary() {
        ObjectNode atLimit = Json.object();
        atLimit.put("reflection", "r".repeat(20_000));
        atLimit.put("userId", "student-1");
        atLimit.put("purpose", "reflection_assessment");
        assertThatCode(() -> VALIDATOR.validate(Operation.EVALUATE_REFLECTION_QUALITY, atLimit))
                .doesNotThrowAnyException();

        ObjectNode overLimit = atLimit.deepCopy();
        overLimit.put("reflection", "r".repeat(20_001));
        assertThat(rejection(Operation.EVALUATE_REFLECTION_QUALITY, overLimit).code())
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void promptBoundary() {
        ObjectNode atLimit = Json.object();
        atLimit.putObject("request").put("prompt", "p".repeat(4000));
        assertThatCode(() -> VALIDATOR.validate(Operation.APPLY_AI_BOUNDARIES, atLimit))
                .doesNotThrowAnyException();

        ObjectNode overLimit = Json.object();
        overLimit.putObject("request").put("prompt", "p".repeat(4001));
        ToolException error = rejection(Operation.APPLY_AI_BOUNDARIES, overLimit);
        assertThat(error.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(error.field()).isEqualTo("request.prompt");
    }

    @Test
    void nonObjectArgumentsAreInvalid() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                VALIDATOR.validate(
                                        Operation.CLASSIFY_CONTENT_SENSITIVITY,
                                        Json.mapper().readTree("[1,2]")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.rejectedValue()).isEqualTo("array");
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void schemasAreClosedDraft2020(Operation operation) {
        ToolSchemas schemas = new ToolSchemas(Json.mapper());

        assertThat(schemas.input(operation).get("$schema").asString())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schemas.input(operation).get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schemas.output(operation).get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void bodyOverOneMebibyteIsPayloadTooLarge() {
        byte[] body = new byte[RequestBodies.MAX_BODY_BYTES + 1];

        ToolException error =
                catchThrowableOfType(ToolException.class, () -> RequestBodies.parse(body));

        assertThat(error.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void malformedBodyIsInvalid() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () -> RequestBodies.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
