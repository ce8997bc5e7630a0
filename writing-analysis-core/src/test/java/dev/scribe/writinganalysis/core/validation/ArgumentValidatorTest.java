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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
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

    /** Track-progress arguments with {@code literal} as the raw JSON number of one metric. */
    private static ObjectNode progressWithLiteral(String metric, String literal) {
        String metrics =
                "{\"wordCount\":0,\"timeSpent\":0,\"revisions\":0}"
                        .replace("\"" + metric + "\":0", "\"" + metric + "\":" + literal);
        return (ObjectNode)
                Json.mapper()
                        .readTree(
                                "{\"userId\":\"student-1\",\"sessionId\":\"n\","
                                        + "\"purpose\":\"student_progress_tracking\","
                                        + "\"metrics\":"
                                        + metrics
                                        + "}");
    }

    private static final String DIGITS_400 = "9".repeat(400);

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "wordCount, 1e19, maximum 1000000",
        "wordCount, 1e30, maximum 1000000",
        "wordCount, -1e30, minimum 0",
        "wordCount, 1e308, maximum 1000000",
        "wordCount, -1e308, minimum 0",
        "wordCount, 9.3e18, maximum 1000000",
        "timeSpent, 1e19, maximum 86400",
        "timeSpent, -1e30, minimum 0",
        "revisions, 1e19, maximum 100000",
        "revisions, -1e30, minimum 0"
    })
    void metricOutsideLongRangeIsInvalid(String metric, String literal, String rule) {
        ToolException error =
                rejection(Operation.TRACK_WRITING_PROGRESS, progressWithLiteral(metric, literal));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("metrics." + metric);
        assertThat(error.rule()).isEqualTo(rule);
        assertThat(error.violations()).hasSize(1);
    }

    @Test
    void fourHundredDigitMetricIsInvalid() {
        ToolException error =
                rejection(
                        Operation.TRACK_WRITING_PROGRESS,
                        progressWithLiteral("wordCount", DIGITS_400));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("metrics.wordCount");
        assertThat(error.rule()).isEqualTo("maximum 1000000");
        assertThat(error.rejectedValue()).isEqualTo("number of 400 characters");
    }

    @Test
    void negativeFourHundredDigitMetricIsInvalid() {
        ToolException error =
                rejection(
                        Operation.TRACK_WRITING_PROGRESS,
                        progressWithLiteral("timeSpent", "-" + DIGITS_400));

        assertThat(error.field()).isEqualTo("metrics.timeSpent");
        assertThat(error.rule()).isEqualTo("minimum 0");
    }

    @Test
    void hugeMetricKeepsOtherViolations() {
        ObjectNode args = progressWithLiteral("wordCount", "1e19");
        args.remove("purpose");

        ToolException error = rejection(Operation.TRACK_WRITING_PROGRESS, args);

        assertThat(error.violations())
                .extracting(v -> v.field() + " " + v.rule())
                .containsExactly("metrics.wordCount maximum 1000000", "purpose required");
    }

    @Test
    void fractionalLiteralIsNotAnInteger() {
        ToolException error =
                rejection(
                        Operation.TRACK_WRITING_PROGRESS, progressWithLiteral("revisions", "1.5"));

        assertThat(error.field()).isEqualTo("metrics.revisions");
        assertThat(error.rule()).isEqualTo("type integer");
    }

    private static ObjectNode boundariesWithProgressLevel(String literal) {
        return (ObjectNode)
                Json.mapper()
                        .readTree(
                                "{\"request\":{\"prompt\":\"Explain a thesis\"},"
                                        + "\"studentContext\":{\"progressLevel\":"
                                        + literal
                                        + "}}");
    }

    @ParameterizedTest(name = "progressLevel = {0}")
    @CsvSource({
        "1e19, maximum 1",
        "1e308, maximum 1",
        "-1e30, minimum 0",
        "1.0000001, maximum 1",
        "-0.5, minimum 0"
    })
    void progressLevelOutOfRangeIsInvalid(String literal, String rule) {
        ToolException error =
                rejection(Operation.APPLY_AI_BOUNDARIES, boundariesWithProgressLevel(literal));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("studentContext.progressLevel");
        assertThat(error.rule()).isEqualTo(rule);
    }

    @Test
    void fourHundredDigitProgressLevelIsInvalid() {
        ToolException error =
                rejection(Operation.APPLY_AI_BOUNDARIES, boundariesWithProgressLevel(DIGITS_400));

        assertThat(error.field()).isEqualTo("studentContext.progressLevel");
        assertThat(error.rule()).isEqualTo("maximum 1");
    }

    private static ObjectNode chainRange(String literal) {
        return (ObjectNode) Json.mapper().readTree("{\"from\":" + literal + "}");
    }

    @ParameterizedTest(name = "from = {0}")
    @CsvSource({"-1e30, minimum 1", "0, minimum 1", "1.5, type integer"})
    void chainBoundBelowRangeIsInvalid(String literal, String rule) {
        ToolException error = rejection(Operation.VERIFY_AUDIT_CHAIN, chainRange(literal));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("from");
        assertThat(error.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "from = {0}")
    @ValueSource(strings = {"1e19", "1e308", "9223372036854775808"})
    void chainBoundBeyondLongIsInvalid(String literal) {
        ToolException error = rejection(Operation.VERIFY_AUDIT_CHAIN, chainRange(literal));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("from");
        assertThat(error.rule()).isEqualTo("maximum 9223372036854775807");
    }

    @Test
    void chainBoundAtLongMaximumIsAccepted() {
        assertThatCode(
                        () ->
                                VALIDATOR.validate(
                                        Operation.VERIFY_AUDIT_CHAIN,
                                        chainRange("9223372036854775807")))
                .doesNotThrowAnyException();
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
