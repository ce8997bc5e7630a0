package dev.scribe.writinganalysis.core.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Caller;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The heuristic vectors D1..D9 of writing-analysis §9.9 and the fail-closed rules of §6.2. */
class HeuristicTierTest {

    // R1 and R5 of §9.2.
    private static final String R1 =
            "I learned that planning helps. Next time I will outline first. This improved my"
                    + " writing.";
    private static final String R5 =
            "Why did my first draft fail? I realized that my argument was weak because I relied on"
                    + " one source. However, when I compared it with the second article, I noticed a"
                    + " different perspective. For example, the author wrote that \"practice beats"
                    + " talent\", which made me evaluate my own evidence. On the other hand, I struggled"
                    + " to consider counterarguments, and this led to a one-sided essay. My weakness is"
                    + " planning, so next time I will set a goal to outline three points before"
                    + " drafting. I learned that a mistake can help me learn, and I feel more confident"
                    + " about improving. In the future I plan to analyze each source carefully.";

    private static final String OUTBOX_ID = "0b7f2c52-8f0e-4d47-9a51-5a1f3f0c1d11";

    private final HeuristicTier tier =
            new HeuristicTier(
                    HeuristicConfig.defaults(),
                    Clock.fixed(Instant.parse("2026-03-01T09:15:02.117Z"), ZoneOffset.UTC));

    private static CallContext as(Role role, String id) {
        return CallContext.of(new Caller(id, role, "inst-1", List.of("course-1"), 1), "corr-12345");
    }

    private static final CallContext STUDENT = as(Role.STUDENT, "student-1");
    private static final CallContext EDUCATOR = as(Role.EDUCATOR, "educator-1");

    private static ObjectNode json(String text) {
        return (ObjectNode) Json.mapper().readTree(text);
    }

    private ToolResult reflection(String text) {
        ObjectNode args = Json.object();
        args.put("reflection", text);
        args.put("userId", "student-1");
        args.put("purpose", "writing_improvement");
        return tier.invoke(Operation.EVALUATE_REFLECTION_QUALITY, STUDENT, args, OUTBOX_ID);
    }

    @Test
    void d1ScoresR1WithThreeCues() {
        ToolResult result = reflection(R1);

        JsonNode out = result.output();
        assertThat(out.get("reflectionId").stringValue()).isEqualTo(OUTBOX_ID);
        assertThat(out.at("/quality/overall").intValue()).isEqualTo(60);
        assertThat(out.at("/progressiveAccess/currentLevel").stringValue()).isEqualTo("basic");
        JsonNode dims = out.at("/quality/dimensions");
        assertThat(dims.get("depth").intValue()).isEqualTo(40);
        assertThat(dims.get("selfAwareness").intValue()).isEqualTo(70);
        assertThat(dims.get("criticalThinking").intValue()).isEqualTo(65);
        assertThat(dims.get("growthMindset").intValue()).isEqualTo(70);
        assertThat(dims.get("specificity").isNull()).isTrue();
        assertThat(out.get("feedback").toString())
                .isEqualTo("[\"Detailed feedback is temporarily limited.\"]");
        assertThat(out.at("/privacyMetadata/fallbackMode").booleanValue()).isTrue();
        assertThat(result.notices()).containsExactly(HeuristicTier.DEGRADED_NOTICE);
    }

    @Test
    void d2CapsR5At85AndNeverGrantsEnhanced() {
        HeuristicReflection.Score score = new HeuristicReflection().score(R5);
        assertThat(score.points()).isEqualTo(100);

        JsonNode out = reflection(R5).output();
        assertThat(out.at("/quality/overall").intValue()).isEqualTo(85);
        assertThat(out.at("/progressiveAccess/currentLevel").stringValue()).isEqualTo("standard");
        assertThat(out.at("/progressiveAccess/nextLevelRequirements").toString())
                .isEqualTo("[\"Higher levels are granted by full scoring only.\"]");
    }

    @Test
    void reflectionWithoutCuesGetsEveryHintAndRestrictedLevel() {
        JsonNode out = reflection("It was fine.").output();

        assertThat(out.at("/quality/overall").intValue()).isZero();
        assertThat(out.at("/progressiveAccess/currentLevel").stringValue()).isEqualTo("restricted");
        assertThat(out.get("feedback")).hasSize(4);
        assertThat(out.at("/progressiveAccess/nextLevelRequirements")).hasSize(3);
    }

    @Test
    void reflectionRefusesWithoutOutboxEntry() {
        ObjectNode args = Json.object();
        args.put("reflection", R1);
        args.put("userId", "student-1");
        args.put("purpose", "writing_improvement");

        assertThatThrownBy(
                        () ->
                                tier.invoke(
                                        Operation.EVALUATE_REFLECTION_QUALITY, STUDENT, args, null))
                .isInstanceOf(ToolException.class)
                .extracting(e -> ((ToolException) e).code())
                .isEqualTo(ErrorCode.UNAVAILABLE);
    }

    private JsonNode classify(String content) {
        ObjectNode args = Json.object();
        args.put("content", content);
        return tier.invoke(Operation.CLASSIFY_CONTENT_SENSITIVITY, STUDENT, args, null).output();
    }

    @Test
    void d3NameAndEmailAreMedium() {
        JsonNode out = classify("Contact Ana Ruiz at ana.ruiz@example.org");

        assertThat(out.get("sensitivityLevel").stringValue()).isEqualTo("medium");
        assertThat(out.get("sensitivityScore").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(out.get("manualReviewRequired").booleanValue()).isTrue();
        assertThat(out.get("sensitiveElements")).hasSize(2);
        assertThat(out.get("redactedContent").stringValue())
                .isEqualTo("Contact [REDACTED_PERSONAL_NAMES] at [REDACTED_PERSONAL_EMAILS]");
        List<String> recs = Json.mapper().convertValue(out.get("recommendations"), List.class);
        assertThat(recs).last().isEqualTo("Detection was limited; review this content manually.");
    }

    @Test
    void d4SelfHarmIsHigh() {
        JsonNode out = classify("Sometimes I want to hurt myself.");

        assertThat(out.get("sensitivityLevel").stringValue()).isEqualTo("high");
        assertThat(out.get("sensitivityScore").decimalValue()).isEqualByComparingTo("0.60");
        assertThat(out.get("sensitiveElements")).hasSize(1);
        assertThat(out.at("/sensitiveElements/0/type").stringValue()).isEqualTo("self_harm");
    }

    @Test
    void classificationIgnoresTypesOutsideTheHeuristicSetAndLongContentIsAtLeastMedium() {
        JsonNode address = classify("I live at 42 Elm Street.");
        assertThat(address.get("sensitivityLevel").stringValue()).isEqualTo("none");

        JsonNode longText = classify("word ".repeat(5_000));
        assertThat(longText.get("sensitivityLevel").stringValue()).isEqualTo("medium");
    }

    private ToolResult purpose(CallContext context, String json) {
        return tier.invoke(Operation.VALIDATE_EDUCATIONAL_PURPOSE, context, json(json), null);
    }

    @Test
    void d5SensitiveDataFailsClosed() {
        ToolResult result =
                purpose(
                        EDUCATOR,
                        "{\"purpose\":\"Improve feedback\",\"requestedData\":[\"writing_content\"],"
                                + "\"requesterRole\":\"educator\"}");

        JsonNode out = result.output();
        assertThat(out.get("valid").booleanValue()).isFalse();
        assertThat(out.get("score").isNull()).isTrue();
        assertThat(out.get("approvalRequired").booleanValue()).isTrue();
        assertThat(out.get("requiredApprovers").toString()).isEqualTo("[\"privacy_officer\"]");
        assertThat(out.get("reasonCode").stringValue()).isEqualTo("VALIDATOR_UNAVAILABLE");
        assertThat(out.at("/justification/educationalBenefit").isNull()).isTrue();
        assertThat(out.get("recommendations")).hasSize(1);
        assertThat(result.notices())
                .containsExactly(
                        HeuristicTier.DEGRADED_NOTICE, HeuristicTier.VALIDATOR_UNAVAILABLE);
    }

    @Test
    void d6LowRiskDataIsAllowed() {
        JsonNode out =
                purpose(
                                EDUCATOR,
                                "{\"purpose\":\"Course dashboard\","
                                        + "\"requestedData\":[\"aggregated_analytics\"],"
                                        + "\"requesterRole\":\"educator\"}")
                        .output();

        assertThat(out.get("valid").booleanValue()).isTrue();
        assertThat(out.get("score").isNull()).isTrue();
        assertThat(out.get("approvalRequired").booleanValue()).isFalse();
        assertThat(out.has("requiredApprovers")).isFalse();
        assertThat(out.get("reasonCode").stringValue()).isEqualTo("VALIDATOR_UNAVAILABLE");
        assertThat(out.get("recommendations")).isEmpty();
    }

    @Test
    void lowRiskDataFailsClosedForResearchersAndLargeGroups() {
        JsonNode researcher =
                purpose(
                                as(Role.RESEARCHER, "r-1"),
                                "{\"purpose\":\"Study\",\"requestedData\":[\"course_data\"],"
                                        + "\"requesterRole\":\"researcher\"}")
                        .output();
        assertThat(researcher.get("valid").booleanValue()).isFalse();
        assertThat(researcher.get("requiredApprovers").toString()).isEqualTo("[\"irb_committee\"]");

        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            targets.append(i == 0 ? "" : ",").append("\"s-").append(i).append('"');
        }
        JsonNode many =
                purpose(
                                EDUCATOR,
                                "{\"purpose\":\"Dashboard\",\"requestedData\":[\"course_data\"],"
                                        + "\"requesterRole\":\"educator\",\"targetUsers\":["
                                        + targets
                                        + "]}")
                        .output();
        assertThat(many.get("valid").booleanValue()).isFalse();
        assertThat(many.get("requiredApprovers").toString()).isEqualTo("[\"department_head\"]");
    }

    @Test
    void purposeRequesterRoleMustMatchToken() {
        assertThatThrownBy(
                        () ->
                                purpose(
                                        STUDENT,
                                        "{\"purpose\":\"x y z\",\"requestedData\":[\"course_data\"],"
                                                + "\"requesterRole\":\"educator\"}"))
                .extracting(e -> ((ToolException) e).code())
                .isEqualTo(ErrorCode.IDENTITY_MISMATCH);
    }

    private ToolResult boundaries(String prompt, String type, String studentContext) {
        return tier.invoke(
                Operation.APPLY_AI_BOUNDARIES,
                STUDENT,
                json(
                        "{\"request\":{\"prompt\":\""
                                + prompt
                                + "\",\"requestType\":\""
                                + type
                                + "\"},\"studentContext\":"
                                + studentContext
                                + "}"),
                null);
    }

    private static List<String> codes(JsonNode out) {
        return Json.mapper().convertValue(out.get("boundariesApplied"), List.class);
    }

    @Test
    void d7AssistanceIsCappedToTheLowestLevel() {
        ToolResult result =
                boundaries(
                        "How do I structure my argument?",
                        "assistance",
                        "{\"reflectionCompleted\":true,\"progressLevel\":0.8}");

        JsonNode out = result.output();
        assertThat(out.get("allowed").booleanValue()).isFalse();
        assertThat(codes(out))
                .containsExactly("fallback_mode", "restricted_assistance", "progressive_access");
        assertThat(out.get("accessLevel").stringValue()).isEqualTo("restricted");
        assertThat(out.has("modifiedRequest")).isFalse();
        assertThat(result.notices()).contains(HeuristicTier.VALIDATOR_UNAVAILABLE);
    }

    @Test
    void d8ExplanationWithReflectionAndProgressIsAllowed() {
        JsonNode out =
                boundaries(
                                "Explain what a thesis statement does",
                                "explanation",
                                "{\"reflectionCompleted\":true,\"progressLevel\":0.6}")
                        .output();

        assertThat(out.get("allowed").booleanValue()).isTrue();
        assertThat(codes(out)).containsExactly("fallback_mode", "restricted_assistance");
        assertThat(out.at("/modifiedRequest/prompt").stringValue())
                .isEqualTo("Explain what a thesis statement does");
        assertThat(out.get("reason").stringValue()).isEmpty();
    }

    @Test
    void d9WithoutCompletedReflectionFailsClosed() {
        JsonNode out =
                boundaries(
                                "Explain what a thesis statement does",
                                "explanation",
                                "{\"reflectionCompleted\":false,\"progressLevel\":0.6}")
                        .output();

        assertThat(out.get("allowed").booleanValue()).isFalse();
        assertThat(codes(out))
                .containsExactly(
                        "fallback_mode", "restricted_assistance", "insufficient_reflection");
    }

    @Test
    void boundariesFailClosedWhenProgressLevelIsMissing() {
        JsonNode out =
                boundaries(
                                "Explain what a thesis statement does",
                                "explanation",
                                "{\"reflectionCompleted\":true}")
                        .output();

        assertThat(out.get("allowed").booleanValue()).isFalse();
        assertThat(codes(out)).contains("insufficient_reflection");
    }

    @Test
    void allowedPromptIsRedactedWithHeuristicDetectors() {
        JsonNode out =
                boundaries(
                                "Explain what a thesis is, my email is sam.lee@example.org",
                                "explanation",
                                "{\"reflectionCompleted\":true,\"progressLevel\":0.9}")
                        .output();

        assertThat(out.get("allowed").booleanValue()).isTrue();
        assertThat(out.at("/modifiedRequest/prompt").stringValue())
                .isEqualTo("Explain what a thesis is, my email is [REDACTED_PERSONAL_EMAILS]");
        assertThat(out.get("modifications").toString()).isEqualTo("[\"pii_redacted\"]");
    }

    @Test
    void studentMayNotAskAboutAnotherStudent() {
        assertThatThrownBy(
                        () ->
                                boundaries(
                                        "Explain this",
                                        "explanation",
                                        "{\"studentId\":\"student-2\"}"))
                .extracting(e -> ((ToolException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void patternsHaveNoSentimentAndIgnoreRetainContent() {
        ObjectNode args =
                json(
                        "{\"content\":\"I wrote my essay. It was long. Write to"
                                + " sam.lee@example.org.\",\"userId\":\"student-1\","
                                + "\"purpose\":\"writing_improvement\",\"options\":{\"includeStructure\":true,"
                                + "\"includeSentiment\":true,\"retainContent\":true}}");

        ToolResult result = tier.invoke(Operation.ANALYZE_WRITING_PATTERNS, STUDENT, args, null);

        JsonNode out = result.output();
        assertThat(out.at("/patterns/sentiment").isNull()).isTrue();
        assertThat(out.at("/patterns/structure").isObject()).isTrue();
        assertThat(out.at("/privacyMetadata/contentRedacted").booleanValue()).isTrue();
        assertThat(out.at("/privacyMetadata/sensitiveElementsRemoved").intValue()).isEqualTo(1);
        assertThat(result.notices()).contains("FIELD_IGNORED:retainContent");
    }

    @Test
    void insightsReadNothingAndReportNulls() {
        ObjectNode args =
                json(
                        "{\"scope\":\"class\",\"targetId\":\"course-1\",\"timeframe\":\"week\","
                                + "\"purpose\":\"class_performance_analysis\",\"includeRecommendations\":true}");

        JsonNode out =
                tier.invoke(Operation.GENERATE_WRITING_INSIGHTS, EDUCATOR, args, null).output();

        assertThat(out.at("/insights/summary").stringValue())
                .isEqualTo("Insights are temporarily unavailable.");
        assertThat(out.at("/insights/keyMetrics/engagementRate").isNull()).isTrue();
        assertThat(out.at("/insights/keyMetrics")).hasSize(6);
        assertThat(out.at("/insights/dataPointsIncluded").intValue()).isZero();
        assertThat(out.get("recommendations")).hasSize(3);
        assertThat(out.at("/privacyMetadata/epsilonSpent").intValue()).isZero();
        assertThat(out.at("/privacyMetadata/fallbackMode").booleanValue()).isTrue();
    }

    @Test
    void progressIsMinimisedAndPendingReplay() {
        ObjectNode args =
                json(
                        "{\"userId\":\"student-1\",\"sessionId\":\"sess-1\",\"purpose\":\"writing_improvement\","
                                + "\"metrics\":{\"wordCount\":345,\"timeSpent\":1230}}");

        JsonNode out =
                tier.invoke(Operation.TRACK_WRITING_PROGRESS, STUDENT, args, OUTBOX_ID).output();

        assertThat(out.at("/recordedMetrics/wordCount").intValue()).isEqualTo(350);
        assertThat(out.at("/recordedMetrics/timeSpent").intValue()).isEqualTo(1260);
        assertThat(out.get("progressRecorded").booleanValue()).isFalse();
        assertThat(out.get("pendingReplay").booleanValue()).isTrue();
        assertThat(out.get("aggregatedMetrics").isNull()).isTrue();
    }

    @Test
    void auditHasNoHeuristicAnswerHere() {
        assertThat(HeuristicTier.supports(Operation.AUDIT_WRITING_DATA_ACCESS)).isFalse();
    }
}
