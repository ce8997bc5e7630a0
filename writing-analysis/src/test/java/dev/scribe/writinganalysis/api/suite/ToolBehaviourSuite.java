package dev.scribe.writinganalysis.api.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scribe.platform.security.UserClaims;
import dev.scribe.writinganalysis.PersonalDataCanaries;
import dev.scribe.writinganalysis.ServiceTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The behaviour of the eight tools, written once and run over every interface: golden cases with
 * exact expected values, validation errors with the failed field, and access denials. Each subclass
 * supplies a {@link ToolClient} for one interface and the database the world is seeded into.
 *
 * <p>Tests that store data (reflections, writing sessions, audit entries) use fresh assignment and
 * session ids, so they do not depend on each other or on their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ToolBehaviourSuite extends ServiceTestSupport {

    static final String PATTERNS = "analyze_writing_patterns";
    static final String REFLECTION = "evaluate_reflection_quality";
    static final String PROGRESS = "track_writing_progress";
    static final String INSIGHTS = "generate_writing_insights";
    static final String CLASSIFY = "classify_content_sensitivity";
    static final String VALIDATE = "validate_educational_purpose";
    static final String AI_BOUNDARIES = "apply_ai_boundaries";
    static final String AUDIT = "audit_writing_data_access";

    static final String HIGH_RECOMMENDATION =
            "Restrict access to this content to its author and explicitly authorised staff.";
    static final String FINANCIAL_RECOMMENDATION =
            "Never store financial identifiers in clear text.";
    static final String MENTAL_HEALTH_RECOMMENDATION =
            "Involve counselling services if the student agrees.";
    static final String MEDIUM_RECOMMENDATION = "Apply the standard privacy protections.";

    static final String DEPTH_HINT =
            "Go deeper: explain why things happened and how your thinking changed.";
    static final String SELF_AWARENESS_HINT =
            "Say what you learned about yourself and how you felt.";
    static final String CRITICAL_THINKING_HINT =
            "Compare ideas, weigh the evidence or consider another perspective.";
    static final String GROWTH_HINT = "Describe what you will do differently next time.";
    static final String SPECIFICITY_HINT = "Add concrete examples, details or quotations.";

    static final String R1 =
            "I learned that planning helps. Next time I will outline first. This improved my"
                    + " writing.";
    static final String R2 =
            "I realized my thesis was weak because I had not compared the two sources. However,"
                    + " on the other hand, the evidence showed a clear impact. For example, in the"
                    + " second draft I rewrote 3 paragraphs. Next time I will set a goal to draft"
                    + " earlier; my mistake taught me to learn from feedback. I felt proud. I think"
                    + " my strength is analysis and my perspective improved.";
    static final String R3 =
            "Why did my argument fail? I think I struggled because I didn't consider the"
                    + " counterargument. In the future I plan to evaluate each source, for example"
                    + " by asking 'who benefits?'";
    static final String R4 = "It was fine.";
    static final String R5 =
            "Why did my first draft fail? I realized that my argument was weak because I relied on"
                    + " one source. However, when I compared it with the second article, I noticed"
                    + " a different perspective. For example, the author wrote that \\\"practice"
                    + " beats talent\\\", which made me evaluate my own evidence. On the other hand,"
                    + " I struggled to consider counterarguments, and this led to a one-sided"
                    + " essay. My weakness is planning, so next time I will set a goal to outline"
                    + " three points before drafting. I learned that a mistake can help me learn,"
                    + " and I feel more confident about improving. In the future I plan to analyze"
                    + " each source carefully.";

    protected ToolWorld world;
    protected ToolClient client;

    /** Writes {@code world} to the database that the interface under test reads. */
    protected abstract void seed(ToolWorld world) throws Exception;

    /** Opens the client of the interface under test. */
    protected abstract ToolClient openClient() throws Exception;

    @BeforeAll
    void setUpInterface() throws Exception {
        world = new ToolWorld();
        seed(world);
        client = openClient();
    }

    @AfterAll
    void closeInterface() {
        if (client != null) {
            client.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    ToolOutcome success(String tool, UserClaims caller, String arguments) {
        ToolOutcome outcome = client.call(tool, caller, arguments);
        assertThat(outcome.ok()).as("%s over %s: %s", tool, client.name(), outcome).isTrue();
        return outcome;
    }

    void assertError(ToolOutcome outcome, String code, String field) {
        assertThat(outcome.ok()).as("call fails").isFalse();
        assertThat(outcome.errorCode()).as("error code").isEqualTo(code);
        assertThat(outcome.field()).as("error field").isEqualTo(field);
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    static String quoted(String value) {
        return "\"" + value + "\"";
    }

    String reflectionArguments(String text, String assignmentId) {
        return """
                {"reflection":"%s","userId":"%s","purpose":"reflection_assessment",
                 "assignmentContext":{"assignmentId":"%s"}}
                """
                .formatted(text, world.student.subject(), assignmentId);
    }

    // ---------------------------------------------------------------- MCP tool list

    /** Required input fields of each tool, as the tool tables mark them. */
    static final Map<String, List<String>> REQUIRED_FIELDS =
            Map.of(
                    PATTERNS, List.of("content", "userId", "purpose"),
                    REFLECTION, List.of("reflection", "userId", "purpose"),
                    PROGRESS, List.of("userId", "sessionId", "metrics", "purpose"),
                    INSIGHTS, List.of("scope", "targetId", "timeframe", "purpose"),
                    CLASSIFY, List.of("content"),
                    VALIDATE, List.of("purpose", "requestedData", "requesterRole"),
                    AI_BOUNDARIES, List.of("request"),
                    AUDIT, List.of("accessType", "dataType", "userId", "accessedBy", "purpose"));

    @Test
    void toolsList_advertisesClosedSchemas() {
        Optional<JsonNode> listed = client.listTools(world.student);
        assumeTrue(listed.isPresent(), client.name() + " has no tool list");

        JsonNode tools = listed.get().path("tools");
        List<String> names = new ArrayList<>();
        for (JsonNode tool : tools) {
            String name = tool.path("name").asString();
            names.add(name);
            JsonNode input = tool.path("inputSchema");
            assertThat(input.path("type").asString()).as("%s input type", name).isEqualTo("object");
            assertThat(input.path("additionalProperties").asBoolean(true))
                    .as("%s input is closed", name)
                    .isFalse();
            assertThat(strings(input.path("required")))
                    .as("%s required fields", name)
                    .containsExactlyInAnyOrderElementsOf(REQUIRED_FIELDS.get(name));
            assertThat(tool.path("outputSchema").path("type").asString())
                    .as("%s output type", name)
                    .isEqualTo("object");
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(REQUIRED_FIELDS.keySet());
        JsonNode classify = toolNamed(tools, CLASSIFY);
        assertThat(
                        classify.path("inputSchema")
                                .path("properties")
                                .path("content")
                                .path("maxLength")
                                .asInt())
                .isEqualTo(100_000);
        assertThat(classify.path("annotations").path("readOnlyHint").asBoolean()).isTrue();
    }

    private static JsonNode toolNamed(JsonNode tools, String name) {
        for (JsonNode tool : tools) {
            if (tool.path("name").asString().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError("tools/list has no tool " + name);
    }

    // ---------------------------------------------------------------- 2.5 classification

    @Test
    void classifyEmail_c1() {
        JsonNode data =
                success(
                                CLASSIFY,
                                world.student,
                                "{\"content\":\"Please email me at sam.lee@example.org tomorrow.\"}")
                        .data();

        assertThat(data.path("sensitivityLevel").asString()).isEqualTo("low");
        assertThat(data.path("sensitivityScore").asDouble()).isEqualTo(0.63);
        assertThat(data.path("sensitiveElements")).hasSize(1);
        JsonNode element = data.path("sensitiveElements").path(0);
        assertThat(element.path("type").asString()).isEqualTo("personal_emails");
        assertThat(element.path("text").asString()).isEqualTo("sam.lee@example.org");
        assertThat(element.path("startIndex").asInt()).isEqualTo(19);
        assertThat(element.path("endIndex").asInt()).isEqualTo(38);
        assertThat(strings(data.path("recommendations"))).isEmpty();
        assertThat(data.path("redactedContent").asString())
                .isEqualTo("Please email me at [REDACTED_PERSONAL_EMAILS] tomorrow.");
        assertThat(data.path("manualReviewRequired").asBoolean()).isFalse();
    }

    @Test
    void classifyCreditCard_c3() {
        JsonNode data =
                success(
                                CLASSIFY,
                                world.student,
                                "{\"content\":\"My card is 4111 1111 1111 1111.\"}")
                        .data();

        assertThat(data.path("sensitivityLevel").asString()).isEqualTo("high");
        assertThat(data.path("sensitivityScore").asDouble()).isEqualTo(0.95);
        assertThat(data.path("sensitiveElements").path(0).path("type").asString())
                .isEqualTo("financial_creditCards");
        assertThat(data.path("sensitiveElements").path(0).path("startIndex").asInt()).isEqualTo(11);
        assertThat(data.path("sensitiveElements").path(0).path("endIndex").asInt()).isEqualTo(30);
        List<String> recommendations = strings(data.path("recommendations"));
        assertThat(recommendations).hasSize(5);
        assertThat(recommendations.get(0)).isEqualTo(HIGH_RECOMMENDATION);
        assertThat(recommendations.get(4)).isEqualTo(FINANCIAL_RECOMMENDATION);
        assertThat(data.path("redactedContent").asString())
                .isEqualTo("My card is [REDACTED_FINANCIAL_CREDITCARDS].");
    }

    @Test
    void classifyOverlapMerge_c5() {
        JsonNode data =
                success(
                                CLASSIFY,
                                world.student,
                                "{\"content\":\"We are feeling anxious about my family situation"
                                        + " at home.\"}")
                        .data();

        assertThat(data.path("sensitivityLevel").asString()).isEqualTo("high");
        assertThat(data.path("sensitivityScore").asDouble()).isEqualTo(0.955);
        JsonNode elements = data.path("sensitiveElements");
        assertThat(elements).hasSize(2);
        assertThat(elements.path(0).path("type").asString()).isEqualTo("mental_health");
        assertThat(elements.path(0).path("startIndex").asInt()).isEqualTo(7);
        assertThat(elements.path(0).path("endIndex").asInt()).isEqualTo(22);
        assertThat(elements.path(1).path("type").asString()).isEqualTo("family_situation");
        assertThat(elements.path(1).path("text").asString()).isEqualTo("my family situation");
        List<String> recommendations = strings(data.path("recommendations"));
        assertThat(recommendations).hasSize(5);
        assertThat(recommendations.get(4)).isEqualTo(MENTAL_HEALTH_RECOMMENDATION);
        assertThat(data.path("redactedContent").asString())
                .isEqualTo(
                        "We are [REDACTED_MENTAL_HEALTH] about [REDACTED_FAMILY_SITUATION] at"
                                + " home.");
    }

    @Test
    void classifyEmotionalDistress_c13() {
        String content = "I hate this. Terrible, awful day.";
        JsonNode data =
                success(CLASSIFY, world.student, "{\"content\":\"" + content + "\"}").data();

        assertThat(data.path("sensitivityLevel").asString()).isEqualTo("medium");
        assertThat(data.path("sensitivityScore").asDouble()).isEqualTo(0.8);
        JsonNode element = data.path("sensitiveElements").path(0);
        assertThat(element.path("type").asString()).isEqualTo("emotional_distress");
        assertThat(element.path("text").asString()).isEmpty();
        assertThat(element.path("startIndex").asInt()).isZero();
        assertThat(element.path("endIndex").asInt()).isZero();
        assertThat(element.path("confidence").asDouble()).isEqualTo(1.0);
        assertThat(strings(data.path("recommendations"))).first().isEqualTo(MEDIUM_RECOMMENDATION);
        assertThat(data.path("redactedContent").asString()).isEqualTo(content);
    }

    @Test
    void classifyCanaryText_redactsEveryIdentifier() {
        JsonNode data =
                success(
                                CLASSIFY,
                                world.student,
                                "{\"content\":\"" + PersonalDataCanaries.TEXT + "\"}")
                        .data();

        List<String> types = new ArrayList<>();
        data.path("sensitiveElements").forEach(e -> types.add(e.path("type").asString()));
        assertThat(types)
                .contains("personal_names", "personal_emails", "personal_phones", "personal_ssn");
        String redacted = data.path("redactedContent").asString();
        assertThat(redacted).doesNotContain(PersonalDataCanaries.EMAIL);
        assertThat(redacted).doesNotContain(PersonalDataCanaries.PHONE);
        assertThat(redacted).doesNotContain(PersonalDataCanaries.SSN);
        assertThat(redacted).doesNotContain(PersonalDataCanaries.NAME);
    }

    @Test
    void classifyUnknownProperty_isInvalidArgument() {
        ToolOutcome outcome =
                client.call(CLASSIFY, world.student, "{\"content\":\"Hello there.\",\"tone\":1}");

        assertError(outcome, "INVALID_ARGUMENT", "tone");
    }

    @Test
    void classifyWithoutToken_isInvalidArgument() {
        ToolOutcome outcome = client.call(CLASSIFY, world.student, "{\"content\":\"... !?\"}");

        assertError(outcome, "INVALID_ARGUMENT", "content");
    }

    @Test
    void classifyOverLimit_isPayloadTooLarge() {
        String content = "a".repeat(100_001);
        ToolOutcome outcome =
                client.call(CLASSIFY, world.student, "{\"content\":\"" + content + "\"}");

        assertError(outcome, "PAYLOAD_TOO_LARGE", "content");
    }

    // ---------------------------------------------------------------- 2.1 writing patterns

    @Test
    void patternsAllSections_w1() {
        JsonNode data =
                success(
                                PATTERNS,
                                world.student,
                                """
                                {"content":"I wrote my draft quickly. However, I revised it twice!\\n\\nYou should try outlining first.",
                                 "userId":"%s","purpose":"writing_improvement"}
                                """
                                        .formatted(world.student.subject()))
                        .data();

        JsonNode structure = data.path("patterns").path("structure");
        assertThat(structure.path("sentenceCount").asInt()).isEqualTo(3);
        assertThat(structure.path("paragraphCount").asInt()).isEqualTo(2);
        assertThat(structure.path("wordCount").asInt()).isEqualTo(15);
        assertThat(structure.path("averageSentenceLength").asDouble()).isEqualTo(5.00);
        assertThat(structure.path("paragraphLengths").toString()).isEqualTo("[10,5]");
        assertThat(structure.path("organizationScore").asInt()).isEqualTo(60);
        assertThat(structure.path("transitionWords").asInt()).isEqualTo(1);
        JsonNode sentiment = data.path("patterns").path("sentiment");
        assertThat(sentiment.path("overallSentiment").asDouble()).isEqualTo(0.0);
        assertThat(sentiment.path("sentimentLabel").asString()).isEqualTo("neutral");
        assertThat(sentiment.path("confidence").asDouble()).isEqualTo(0.0);
        JsonNode complexity = data.path("patterns").path("complexity");
        assertThat(complexity.path("averageWordLength").asDouble()).isEqualTo(4.53);
        assertThat(complexity.path("longWordPercentage").asDouble()).isEqualTo(26.67);
        assertThat(complexity.path("complexityScore").asDouble()).isEqualTo(0.287);
        assertThat(complexity.path("readabilityLevel").asString()).isEqualTo("basic");
        JsonNode style = data.path("patterns").path("style");
        assertThat(style.path("vocabularyDiversity").asDouble()).isEqualTo(0.933);
        assertThat(style.path("firstPersonUsage").asDouble()).isEqualTo(20.00);
        assertThat(style.path("secondPersonUsage").asDouble()).isEqualTo(6.67);
        assertThat(style.path("academicTone").asDouble()).isEqualTo(6.67);
        assertThat(style.path("writingStyle").asString()).isEqualTo("personal");
        JsonNode privacy = data.path("privacyMetadata");
        assertThat(privacy.path("contentRedacted").asBoolean()).isFalse();
        assertThat(privacy.path("sensitiveElementsRemoved").asInt()).isZero();
        assertThat(privacy.path("analysisScope").asString()).isEqualTo("full");
    }

    @Test
    void patternsOfCanaryText_analyseRedactedText() {
        JsonNode data =
                success(
                                PATTERNS,
                                world.student,
                                """
                                {"content":"%s","userId":"%s","purpose":"writing_improvement",
                                 "options":{"includeStructure":true}}
                                """
                                        .formatted(
                                                PersonalDataCanaries.TEXT, world.student.subject()))
                        .data();

        assertThat(data.path("privacyMetadata").path("contentRedacted").asBoolean()).isTrue();
        assertThat(data.path("privacyMetadata").path("sensitiveElementsRemoved").asInt())
                .isEqualTo(4);
        assertThat(data.path("privacyMetadata").path("analysisScope").asString())
                .isEqualTo("limited");
        assertThat(data.path("patterns").path("sentiment").isNull()).isTrue();
        assertThat(data.path("patterns").path("complexity").isNull()).isTrue();
        assertThat(data.toString()).doesNotContain(PersonalDataCanaries.EMAIL);
    }

    @Test
    void patternsUnknownPurpose_isInvalidArgument() {
        ToolOutcome outcome =
                client.call(
                        PATTERNS,
                        world.student,
                        """
                        {"content":"%s","userId":"%s","purpose":"curiosity"}
                        """
                                .formatted(
                                        PersonalDataCanaries.ESSAY_SENTENCE,
                                        world.student.subject()));

        assertError(outcome, "INVALID_ARGUMENT", "purpose");
        assertThat(outcome.problem()).contains("UNKNOWN_PURPOSE");
    }

    @Test
    void patternsRoleField_mustMatchToken() {
        ToolOutcome outcome =
                client.call(
                        PATTERNS,
                        world.student,
                        """
                        {"content":"%s","userId":"%s","purpose":"writing_improvement",
                         "role":"educator"}
                        """
                                .formatted(
                                        PersonalDataCanaries.ESSAY_SENTENCE,
                                        world.student.subject()));

        assertError(outcome, "IDENTITY_MISMATCH", "role");
    }

    @Test
    void patternsAboutPeer_isForbidden() {
        ToolOutcome outcome =
                client.call(
                        PATTERNS,
                        world.student,
                        """
                        {"content":"%s","userId":"%s","purpose":"writing_improvement"}
                        """
                                .formatted(
                                        PersonalDataCanaries.ESSAY_SENTENCE, world.peer.subject()));

        assertThat(outcome.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(outcome.problem()).contains("RELATIONSHIP_REQUIRED");
    }

    @Test
    void patternsWithoutConsent_isConsentRequired() {
        ToolOutcome outcome =
                client.call(
                        PATTERNS,
                        world.educator,
                        """
                        {"content":"%s","userId":"%s","purpose":"educational_feedback"}
                        """
                                .formatted(
                                        PersonalDataCanaries.ESSAY_SENTENCE,
                                        world.noConsentStudent.subject()));

        assertThat(outcome.errorCode()).isEqualTo("CONSENT_REQUIRED");
    }

    // ---------------------------------------------------------------- 2.2 reflection quality

    @Test
    void reflectionFamiliesScoreOnce_r1() {
        JsonNode data =
                success(REFLECTION, world.student, reflectionArguments(R1, fresh("r1"))).data();

        JsonNode dimensions = data.path("quality").path("dimensions");
        assertThat(dimensions.path("depth").asInt()).isZero();
        assertThat(dimensions.path("selfAwareness").asInt()).isEqualTo(30);
        assertThat(dimensions.path("criticalThinking").asInt()).isZero();
        assertThat(dimensions.path("growthMindset").asInt()).isEqualTo(60);
        assertThat(dimensions.path("specificity").asInt()).isEqualTo(20);
        assertThat(data.path("quality").path("overall").asInt()).isEqualTo(18);
        assertThat(data.path("progressiveAccess").path("currentLevel").asString())
                .isEqualTo("restricted");
        assertThat(strings(data.path("progressiveAccess").path("nextLevelRequirements")))
                .containsExactly("Reach a reflection score of at least 60.");
        assertThat(strings(data.path("feedback")))
                .containsExactly(
                        DEPTH_HINT,
                        SELF_AWARENESS_HINT,
                        CRITICAL_THINKING_HINT,
                        SPECIFICITY_HINT,
                        "Your strongest area is growth mindset.");
        assertThat(data.path("reflectionId").asString()).hasSize(36);
    }

    @Test
    void reflectionWholeWordsAndCaps_r2() {
        JsonNode data =
                success(REFLECTION, world.student, reflectionArguments(R2, fresh("r2"))).data();

        JsonNode dimensions = data.path("quality").path("dimensions");
        assertThat(dimensions.path("depth").asInt()).isEqualTo(30);
        assertThat(dimensions.path("selfAwareness").asInt()).isEqualTo(85);
        assertThat(dimensions.path("criticalThinking").asInt()).isEqualTo(100);
        assertThat(dimensions.path("growthMindset").asInt()).isEqualTo(95);
        assertThat(dimensions.path("specificity").asInt()).isEqualTo(60);
        assertThat(data.path("quality").path("overall").asInt()).isEqualTo(73);
        assertThat(data.path("progressiveAccess").path("currentLevel").asString())
                .isEqualTo("basic");
        assertThat(strings(data.path("feedback")))
                .containsExactly(DEPTH_HINT, "Your strongest area is critical thinking.");
    }

    @Test
    void reflectionWithoutStrength_r4() {
        JsonNode data =
                success(REFLECTION, world.student, reflectionArguments(R4, fresh("r4"))).data();

        assertThat(data.path("quality").path("overall").asInt()).isZero();
        assertThat(strings(data.path("feedback")))
                .containsExactly(
                        DEPTH_HINT,
                        SELF_AWARENESS_HINT,
                        CRITICAL_THINKING_HINT,
                        GROWTH_HINT,
                        SPECIFICITY_HINT);
    }

    @Test
    void reflectionThreeWayTie_r5() {
        JsonNode data =
                success(REFLECTION, world.student, reflectionArguments(R5, fresh("r5"))).data();

        JsonNode dimensions = data.path("quality").path("dimensions");
        assertThat(dimensions.path("depth").asInt()).isEqualTo(60);
        assertThat(dimensions.path("selfAwareness").asInt()).isEqualTo(100);
        assertThat(dimensions.path("criticalThinking").asInt()).isEqualTo(100);
        assertThat(dimensions.path("growthMindset").asInt()).isEqualTo(95);
        assertThat(dimensions.path("specificity").asInt()).isEqualTo(100);
        assertThat(data.path("quality").path("overall").asInt()).isEqualTo(89);
        assertThat(data.path("progressiveAccess").path("currentLevel").asString())
                .isEqualTo("standard");
        assertThat(strings(data.path("feedback")))
                .containsExactly("Your strongest area is self-awareness.");
    }

    @Test
    void reflectionRubric_isIgnoredWithNotice() {
        ToolOutcome outcome =
                success(
                        REFLECTION,
                        world.student,
                        """
                        {"reflection":"%s","userId":"%s","purpose":"reflection_assessment",
                         "assignmentContext":{"assignmentId":"%s","rubric":{"depth":1}}}
                        """
                                .formatted(
                                        PersonalDataCanaries.TEXT,
                                        world.student.subject(),
                                        fresh("rubric")));

        assertThat(strings(outcome.meta().path("notices"))).contains("FIELD_IGNORED:rubric");
        assertThat(
                        outcome.data()
                                .path("privacyMetadata")
                                .path("sensitiveContentMasked")
                                .asBoolean())
                .isTrue();
    }

    // ---------------------------------------------------------------- 2.3 writing progress

    @ParameterizedTest(name = "{0}: {1} words, {2} s")
    @CsvSource(
            delimiter = '|',
            value = {
                "T1 | 347  | 1234 | 350  | 1260 | 16.7 | ''",
                "T2 | 345  | 1230 | 350  | 1260 | 16.7 | ''",
                "T3 | 344  | 1229 | 340  | 1200 | 17.0 | ''",
                "T4 | 40   | 900  | 40   | 900  | 2.7  | writing_block_detected",
                "T5 | 8000 | 7230 | 8000 | 7260 | 66.1 | extended_session",
                "T6 | 8000 | 7229 | 8000 | 7200 | 66.7 | ''",
                "T7 | 120  | 0    | 120  | 0    | 0.0  | ''"
            })
    void progressMinimisesAndTriggers(
            String id,
            int wordCount,
            int timeSpent,
            int recordedWords,
            int recordedTime,
            double wordsPerMinute,
            String trigger) {
        String sessionId = fresh("session");

        JsonNode data =
                success(
                                PROGRESS,
                                world.student,
                                """
                                {"userId":"%s","sessionId":"%s","purpose":"student_progress_tracking",
                                 "metrics":{"wordCount":%d,"timeSpent":%d}}
                                """
                                        .formatted(
                                                world.student.subject(),
                                                sessionId,
                                                wordCount,
                                                timeSpent))
                        .data();

        assertThat(data.path("sessionId").asString()).isEqualTo(sessionId);
        assertThat(data.path("progressRecorded").asBoolean()).isTrue();
        assertThat(data.path("privacyCompliant").asBoolean()).isTrue();
        assertThat(data.path("recordedMetrics").path("wordCount").asInt()).isEqualTo(recordedWords);
        assertThat(data.path("recordedMetrics").path("timeSpent").asInt()).isEqualTo(recordedTime);
        assertThat(data.path("recordedMetrics").path("revisions").asInt()).isZero();
        assertThat(data.path("aggregatedMetrics").path("totalWords").asInt())
                .isEqualTo(recordedWords);
        assertThat(data.path("aggregatedMetrics").path("averageWordsPerMinute").asDouble())
                .isEqualTo(wordsPerMinute);
        assertThat(strings(data.path("interventionTriggers")))
                .isEqualTo(trigger.isEmpty() ? List.of() : List.of(trigger));
    }

    @Test
    void progressStaleSnapshot_isConflict() {
        String sessionId = fresh("session");
        String template =
                """
                {"userId":"%s","sessionId":"%s","purpose":"student_progress_tracking",
                 "metrics":{"wordCount":300,"timeSpent":%d}}
                """;
        success(
                PROGRESS,
                world.student,
                template.formatted(world.student.subject(), sessionId, 1234));

        ToolOutcome outcome =
                client.call(
                        PROGRESS,
                        world.student,
                        template.formatted(world.student.subject(), sessionId, 600));

        assertError(outcome, "CONFLICT", "metrics.timeSpent");
        assertThat(outcome.problem()).contains("STALE_SNAPSHOT");
    }

    @Test
    void progressNegativeWords_isInvalidArgument() {
        ToolOutcome outcome =
                client.call(
                        PROGRESS,
                        world.student,
                        """
                        {"userId":"%s","sessionId":"%s","purpose":"student_progress_tracking",
                         "metrics":{"wordCount":-1,"timeSpent":60}}
                        """
                                .formatted(world.student.subject(), fresh("session")));

        assertError(outcome, "INVALID_ARGUMENT", "metrics.wordCount");
    }

    @Test
    void progressByEducator_isForbidden() {
        ToolOutcome outcome =
                client.call(
                        PROGRESS,
                        world.educator,
                        """
                        {"userId":"%s","sessionId":"%s","purpose":"educational_feedback",
                         "metrics":{"wordCount":10,"timeSpent":60}}
                        """
                                .formatted(world.student.subject(), fresh("session")));

        assertThat(outcome.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(outcome.problem()).contains("ROLE_NOT_PERMITTED");
    }

    // ---------------------------------------------------------------- 2.4 insights

    @Test
    void insightsIndividualAreExact_i1() {
        JsonNode data =
                success(
                                INSIGHTS,
                                world.educator,
                                """
                                {"scope":"individual","targetId":"%s","timeframe":"week",
                                 "purpose":"educational_feedback","includeRecommendations":true}
                                """
                                        .formatted(world.insightsStudent.subject()))
                        .data();

        JsonNode metrics = data.path("insights").path("keyMetrics");
        assertThat(metrics.path("totalSessions").asInt()).isEqualTo(2);
        assertThat(metrics.path("totalWords").asInt()).isEqualTo(950);
        assertThat(metrics.path("totalTime").asInt()).isEqualTo(3060);
        assertThat(metrics.path("averageSessionLength").asDouble()).isEqualTo(25.5);
        assertThat(metrics.path("averageWordsPerMinute").asDouble()).isEqualTo(18.6);
        assertThat(metrics.path("reflectionCount").asInt()).isZero();
        assertThat(metrics.path("reflectionQuality").isNull()).isTrue();
        JsonNode wordsTrend = data.path("insights").path("trends").path(0);
        assertThat(wordsTrend.path("metric").asString()).isEqualTo("words_per_session");
        assertThat(wordsTrend.path("values").toString()).isEqualTo("[350.0,600.0]");
        assertThat(wordsTrend.path("trend").asString()).isEqualTo("increasing");
        assertThat(data.path("insights").path("dataPointsIncluded").asInt()).isEqualTo(2);
        assertThat(strings(data.path("recommendations")))
                .containsExactly("Plan longer, focused writing sessions of at least 30 minutes.");
        assertThat(data.path("privacyMetadata").path("differentialPrivacyApplied").asBoolean())
                .isFalse();
        assertThat(data.path("privacyMetadata").path("epsilonSpent").asDouble()).isZero();
    }

    @Test
    void insightsSmallClass_isInsufficientGroupSize() {
        ToolOutcome outcome =
                client.call(
                        INSIGHTS,
                        world.educator,
                        """
                        {"scope":"class","targetId":"%s","timeframe":"week",
                         "purpose":"class_performance_analysis"}
                        """
                                .formatted(world.smallCourse));

        assertError(outcome, "INSUFFICIENT_GROUP_SIZE", "targetId");
    }

    @Test
    void insightsIndividualForResearcher_isForbidden() {
        ToolOutcome outcome =
                client.call(
                        INSIGHTS,
                        world.researcher,
                        """
                        {"scope":"individual","targetId":"%s","timeframe":"week",
                         "purpose":"research"}
                        """
                                .formatted(world.student.subject()));

        assertThat(outcome.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void insightsClassForStudent_isForbidden() {
        ToolOutcome outcome =
                client.call(
                        INSIGHTS,
                        world.student,
                        """
                        {"scope":"class","targetId":"%s","timeframe":"week",
                         "purpose":"writing_improvement"}
                        """
                                .formatted(world.course));

        assertThat(outcome.errorCode()).isEqualTo("FORBIDDEN");
    }

    // ---------------------------------------------------------------- 2.6 purpose validation

    @Test
    void purposeStudentBenefit_p1() {
        JsonNode data =
                success(
                                VALIDATE,
                                world.student,
                                """
                                {"purpose":"learning improvement","requestedData":["writing_content"],
                                 "requesterRole":"student"}
                                """)
                        .data();

        assertThat(data.path("justification").path("educationalBenefit").asDouble()).isEqualTo(0.5);
        assertThat(data.path("justification").path("studentBenefit").asDouble()).isEqualTo(0.45);
        assertThat(data.path("score").asDouble()).isEqualTo(0.53);
        assertThat(data.path("valid").asBoolean()).isFalse();
        assertThat(data.path("approvalRequired").asBoolean()).isTrue();
        assertThat(strings(data.path("requiredApprovers"))).containsExactly("privacy_officer");
        assertThat(strings(data.path("recommendations")))
                .containsExactly(
                        "Strengthen the justification: state the educational benefit to students.",
                        "Explain how the students concerned will benefit.");
    }

    @Test
    void purposeValid_p2() {
        JsonNode data =
                success(
                                VALIDATE,
                                world.student,
                                """
                                {"purpose":"Support student success through timely intervention and personalized learning feedback",
                                 "requestedData":["progress_metrics"],"requesterRole":"student"}
                                """)
                        .data();

        assertThat(data.path("score").asDouble()).isEqualTo(0.85);
        assertThat(data.path("valid").asBoolean()).isTrue();
        assertThat(data.path("approvalRequired").asBoolean()).isFalse();
        assertThat(data.has("requiredApprovers")).isFalse();
        assertThat(strings(data.path("recommendations"))).isEmpty();
    }

    @Test
    void purposeResearcher_p3() {
        JsonNode data =
                success(
                                VALIDATE,
                                world.researcher,
                                """
                                {"purpose":"IRB-approved research study on aggregated de-identified data with consent",
                                 "requestedData":["aggregated_analytics"],"requesterRole":"researcher",
                                 "targetUsers":["%s","%s"]}
                                """
                                        .formatted(world.student.subject(), world.peer.subject()))
                        .data();

        assertThat(data.path("justification").path("researchValue").asDouble()).isEqualTo(1.0);
        assertThat(data.path("score").asDouble()).isEqualTo(0.25);
        assertThat(data.path("valid").asBoolean()).isFalse();
        assertThat(strings(data.path("requiredApprovers"))).containsExactly("irb_committee");
        assertThat(strings(data.path("recommendations"))).hasSize(4);
    }

    @Test
    void purposeSensitiveData_p5() {
        JsonNode data =
                success(
                                VALIDATE,
                                world.educator,
                                """
                                {"purpose":"Review reflections to support struggling students",
                                 "requestedData":["reflection"],"requesterRole":"educator",
                                 "targetUsers":["%s","%s"]}
                                """
                                        .formatted(world.student.subject(), world.peer.subject()))
                        .data();

        assertThat(data.path("justification").path("educationalBenefit").asDouble())
                .isEqualTo(0.18);
        assertThat(data.path("score").asDouble()).isEqualTo(0.19);
        assertThat(strings(data.path("requiredApprovers")))
                .containsExactly("privacy_officer", "educational_director");
    }

    @Test
    void purposeRequesterRole_mustMatchToken() {
        ToolOutcome outcome =
                client.call(
                        VALIDATE,
                        world.student,
                        """
                        {"purpose":"Support student learning","requestedData":["progress_metrics"],
                         "requesterRole":"educator"}
                        """);

        assertError(outcome, "IDENTITY_MISMATCH", "requesterRole");
    }

    // ---------------------------------------------------------------- 2.7 AI boundaries

    String boundariesArguments(String prompt, String requestType, String assignmentId) {
        return """
                {"request":{"prompt":"%s","requestType":"%s"},
                 "studentContext":{"assignmentId":"%s"}}
                """
                .formatted(prompt, requestType, assignmentId);
    }

    /** Stores {@code reflection} for a fresh assignment and returns the assignment id. */
    String assignmentWithReflection(String reflection) {
        String assignmentId = fresh("assignment");
        success(REFLECTION, world.student, reflectionArguments(reflection, assignmentId));
        return assignmentId;
    }

    @Test
    void boundariesExplanationBeforeReflection_a1() {
        JsonNode data =
                success(
                                AI_BOUNDARIES,
                                world.student,
                                boundariesArguments(
                                        "Explain what a thesis statement does",
                                        "explanation",
                                        fresh("assignment")))
                        .data();

        assertThat(data.path("allowed").asBoolean()).isTrue();
        assertThat(data.path("accessLevel").asString()).isEqualTo("restricted");
        assertThat(data.path("modifiedRequest").path("prompt").asString())
                .isEqualTo("Explain what a thesis statement does");
        assertThat(data.path("modifiedRequest").path("context").asString()).isEmpty();
        assertThat(data.path("modifiedRequest").path("requestType").asString())
                .isEqualTo("explanation");
        assertThat(strings(data.path("boundariesApplied"))).isEmpty();
        assertThat(data.path("reason").asString()).isEmpty();
    }

    @Test
    void boundariesEveryRuleEvaluated_a2() {
        JsonNode data =
                success(
                                AI_BOUNDARIES,
                                world.student,
                                boundariesArguments(
                                        "Write this for me please", "answer", fresh("assignment")))
                        .data();

        assertThat(data.path("allowed").asBoolean()).isFalse();
        assertThat(strings(data.path("boundariesApplied")))
                .containsExactly(
                        "reflection_requirement",
                        "no_direct_answers",
                        "educational_value_required",
                        "progressive_access");
        assertThat(data.path("suggestions")).hasSize(6);
        assertThat(data.path("reason").asString())
                .isEqualTo("Complete a reflection before asking for direct answers.");
        assertThat(data.has("modifiedRequest")).isFalse();
    }

    @Test
    void boundariesBasicLevelFeedback_a3() {
        String assignmentId = assignmentWithReflection(R2);

        JsonNode data =
                success(
                                AI_BOUNDARIES,
                                world.student,
                                boundariesArguments(
                                        "Can you look over my second paragraph for flow?",
                                        "feedback",
                                        assignmentId))
                        .data();

        assertThat(data.path("accessLevel").asString()).isEqualTo("basic");
        assertThat(data.path("allowed").asBoolean()).isTrue();
    }

    @Test
    void boundariesLowScoreRestricts_a4() {
        String assignmentId = assignmentWithReflection(R3);

        JsonNode data =
                success(
                                AI_BOUNDARIES,
                                world.student,
                                boundariesArguments(
                                        "How do I structure my argument?",
                                        "assistance",
                                        assignmentId))
                        .data();

        assertThat(data.path("accessLevel").asString()).isEqualTo("restricted");
        assertThat(data.path("allowed").asBoolean()).isFalse();
        assertThat(strings(data.path("boundariesApplied"))).containsExactly("progressive_access");
        assertThat(data.path("suggestions")).hasSize(1);
    }

    @Test
    void boundariesRedactThenTruncateContext_a7a8() {
        String assignmentId = assignmentWithReflection(R5);
        String template =
                """
                {"request":{"prompt":"Can you help me understand why my thesis is weak?",
                 "requestType":"feedback","context":"%s"},
                 "studentContext":{"assignmentId":"%s"}}
                """;

        JsonNode redacted =
                success(
                                AI_BOUNDARIES,
                                world.student,
                                template.formatted(
                                        "My teacher Ana Ruiz said the intro is weak.",
                                        assignmentId))
                        .data();
        JsonNode truncated =
                success(
                                AI_BOUNDARIES,
                                world.student,
                                template.formatted("x".repeat(600), assignmentId))
                        .data();

        assertThat(redacted.path("accessLevel").asString()).isEqualTo("standard");
        assertThat(redacted.path("modifiedRequest").path("context").asString())
                .isEqualTo("My teacher [REDACTED_PERSONAL_NAMES] said the intro is weak.");
        assertThat(strings(redacted.path("modifications"))).containsExactly("pii_redacted");
        assertThat(truncated.path("modifiedRequest").path("context").asString())
                .isEqualTo("x".repeat(500) + "...[truncated]");
        assertThat(strings(truncated.path("modifications"))).containsExactly("context_truncated");
    }

    @Test
    void boundariesCanaryPrompt_isRedacted() {
        String assignmentId = assignmentWithReflection(R5);

        JsonNode data =
                success(
                                AI_BOUNDARIES,
                                world.student,
                                """
                                {"request":{"prompt":"Can you help me understand how to end this? %s",
                                 "requestType":"feedback"},
                                 "studentContext":{"assignmentId":"%s"}}
                                """
                                        .formatted(PersonalDataCanaries.TEXT, assignmentId))
                        .data();

        assertThat(data.path("allowed").asBoolean()).isTrue();
        String prompt = data.path("modifiedRequest").path("prompt").asString();
        assertThat(prompt).doesNotContain(PersonalDataCanaries.EMAIL);
        assertThat(prompt).doesNotContain(PersonalDataCanaries.SSN);
        assertThat(strings(data.path("modifications"))).contains("pii_redacted");
    }

    @Test
    void boundariesWithoutStudentForEducator_isInvalidArgument() {
        ToolOutcome outcome =
                client.call(
                        AI_BOUNDARIES,
                        world.educator,
                        "{\"request\":{\"prompt\":\"Explain what a thesis statement does\"}}");

        assertError(outcome, "INVALID_ARGUMENT", "studentContext.studentId");
    }

    // ---------------------------------------------------------------- 2.8 audit

    @Test
    void auditEducatorReadsReflection_au1() {
        JsonNode data =
                success(
                                AUDIT,
                                world.educator,
                                """
                                {"accessType":"read","dataType":"reflection","userId":"%s",
                                 "accessedBy":"%s","purpose":"educational_feedback",
                                 "educationalContext":{"courseId":"%s"}}
                                """
                                        .formatted(
                                                world.auditSubject.subject(),
                                                world.educator.subject(),
                                                world.course))
                        .data();

        assertThat(data.path("logged").asBoolean()).isTrue();
        assertThat(data.path("auditId").asString()).hasSize(36);
        assertThat(data.path("immutableHash").asString()).matches("[0-9a-f]{64}");
        assertThat(data.path("sequence").asLong()).isPositive();
        assertThat(strings(data.path("privacyFlags")))
                .containsExactly("sensitive_data", "educator_access");
        assertThat(strings(data.path("notificationTriggers")))
                .containsExactly("sensitive_access_by_other", "daily_first_access");
        assertThat(data.path("notificationTriggered").asBoolean()).isTrue();
    }

    @Test
    void auditStudentSharesOwnWriting_au2() {
        JsonNode data =
                success(
                                AUDIT,
                                world.student,
                                """
                                {"accessType":"share","dataType":"writing_content","userId":"%s",
                                 "accessedBy":"%s","purpose":"writing_improvement"}
                                """
                                        .formatted(
                                                world.student.subject(), world.student.subject()))
                        .data();

        assertThat(strings(data.path("privacyFlags")))
                .containsExactly("self_access", "data_sharing");
        assertThat(strings(data.path("notificationTriggers"))).containsExactly("data_shared");
    }

    @Test
    void auditAccessedBy_mustMatchToken() {
        ToolOutcome outcome =
                client.call(
                        AUDIT,
                        world.student,
                        """
                        {"accessType":"read","dataType":"writing_content","userId":"%s",
                         "accessedBy":"%s","purpose":"writing_improvement"}
                        """
                                .formatted(world.student.subject(), world.peer.subject()));

        assertError(outcome, "IDENTITY_MISMATCH", "accessedBy");
    }
}
