package dev.scribe.writinganalysis.core.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AI-boundary golden cases, given the level derived from the stored reflection score. */
class AiBoundaryGoldenTest {

    private static final AiBoundaryRules RULES =
            new AiBoundaryRules(SensitivityClassifier.withDefaults(), true, 500);

    @Test
    void a1ExplanationAllowedBeforeAnyReflection() {
        BoundaryDecision d =
                RULES.evaluate(
                        "Explain what a thesis statement does",
                        "",
                        RequestType.EXPLANATION,
                        AccessLevel.RESTRICTED,
                        false);

        assertThat(d.allowed()).isTrue();
        assertThat(d.modifiedRequest())
                .isEqualTo(
                        new ModifiedRequest(
                                "Explain what a thesis statement does",
                                "",
                                RequestType.EXPLANATION));
        assertThat(d.boundariesApplied()).isEmpty();
        assertThat(d.reason()).isEmpty();
        assertThat(d.accessLevel()).isEqualTo(AccessLevel.RESTRICTED);
        assertThat(d.modifications()).isEmpty();
    }

    @Test
    void a2EveryRuleIsEvaluated() {
        BoundaryDecision d =
                RULES.evaluate(
                        "Write this for me please",
                        "",
                        RequestType.ANSWER,
                        AccessLevel.RESTRICTED,
                        false);

        assertThat(d.allowed()).isFalse();
        assertThat(d.modifiedRequest()).isNull();
        assertThat(d.boundariesApplied())
                .containsExactly(
                        "reflection_requirement",
                        "no_direct_answers",
                        "educational_value_required",
                        "progressive_access");
        assertThat(d.suggestions()).hasSize(6);
        assertThat(d.violations()).extracting(Violation::code).isEqualTo(d.boundariesApplied());
        assertThat(d.reason()).isEqualTo("Complete a reflection before asking for direct answers.");
    }

    @Test
    void a3LongQuestionHasEducationalValue() {
        BoundaryDecision d =
                RULES.evaluate(
                        "Can you look over my second paragraph for flow?",
                        "",
                        RequestType.FEEDBACK,
                        AccessLevel.forScore(68),
                        true);

        assertThat(d.accessLevel()).isEqualTo(AccessLevel.BASIC);
        assertThat(d.allowed()).isTrue();
    }

    @Test
    void a4AssistanceBlockedBelowSixty() {
        BoundaryDecision d =
                RULES.evaluate(
                        "How do I structure my argument?",
                        "",
                        RequestType.ASSISTANCE,
                        AccessLevel.forScore(45),
                        true);

        assertThat(d.accessLevel()).isEqualTo(AccessLevel.RESTRICTED);
        assertThat(d.allowed()).isFalse();
        assertThat(d.boundariesApplied()).containsExactly("progressive_access");
        assertThat(d.suggestions()).hasSize(1);
    }

    @Test
    void a5WhatDoesMeanAllowsAnswerAtStandard() {
        BoundaryDecision d =
                RULES.evaluate(
                        "What does 'ethos' mean in rhetoric?",
                        "",
                        RequestType.ANSWER,
                        AccessLevel.forScore(80),
                        true);

        assertThat(d.accessLevel()).isEqualTo(AccessLevel.STANDARD);
        assertThat(d.allowed()).isTrue();
    }

    @Test
    void a6DirectAnswersBlockedAtEveryLevel() {
        BoundaryDecision d =
                RULES.evaluate(
                        "Give me the solution to question 4",
                        "",
                        RequestType.ASSISTANCE,
                        AccessLevel.forScore(92),
                        true);

        assertThat(d.accessLevel()).isEqualTo(AccessLevel.ENHANCED);
        assertThat(d.allowed()).isFalse();
        assertThat(d.boundariesApplied())
                .containsExactly("no_direct_answers", "educational_value_required");
        assertThat(d.suggestions()).hasSize(4);
    }

    @Test
    void a7ContextIsRedacted() {
        BoundaryDecision d =
                RULES.evaluate(
                        "Can you help me understand why my thesis is weak?",
                        "My teacher Ana Ruiz said the intro is weak.",
                        RequestType.FEEDBACK,
                        AccessLevel.forScore(80),
                        true);

        assertThat(d.allowed()).isTrue();
        assertThat(d.modifiedRequest().context())
                .isEqualTo("My teacher [REDACTED_PERSONAL_NAMES] said the intro is weak.");
        assertThat(d.modifiedRequest().prompt())
                .isEqualTo("Can you help me understand why my thesis is weak?");
        assertThat(d.modifications()).containsExactly("pii_redacted");
    }

    @Test
    void a8ContextIsCutAfterRedaction() {
        BoundaryDecision d =
                RULES.evaluate(
                        "Can you help me understand why my thesis is weak?",
                        "x".repeat(600),
                        RequestType.FEEDBACK,
                        AccessLevel.forScore(80),
                        true);

        assertThat(d.allowed()).isTrue();
        assertThat(d.modifiedRequest().context()).isEqualTo("x".repeat(500) + "...[truncated]");
        assertThat(d.modifiedRequest().context()).hasSize(514);
        assertThat(d.modifications()).containsExactly("context_truncated");
    }

    @Test
    void redactionHappensBeforeCut() {
        // The e-mail straddles offset 500; redacting first leaves no fragment of it to cut.
        String context = "y".repeat(490) + " jo@example.org " + "z".repeat(100);

        BoundaryDecision d =
                RULES.evaluate(
                        "Explain this", context, RequestType.EXPLANATION, AccessLevel.BASIC, true);

        assertThat(d.modifiedRequest().context()).doesNotContain("jo@");
        assertThat(d.modifiedRequest().context()).doesNotContain("example");
        assertThat(d.modifiedRequest().context()).endsWith(" [REDACTED...[truncated]");
        assertThat(d.modifications()).containsExactly("pii_redacted", "context_truncated");
    }

    @Test
    void directAnswersAllowedWhenBlockingIsOff() {
        AiBoundaryRules lenient =
                new AiBoundaryRules(SensitivityClassifier.withDefaults(), false, 500);

        BoundaryDecision d =
                lenient.evaluate(
                        "Give me the solution to question 4, how do I start?",
                        null,
                        RequestType.ASSISTANCE,
                        AccessLevel.BASIC,
                        true);

        assertThat(d.allowed()).isTrue();
        assertThat(d.modifiedRequest().context()).isEmpty();
        assertThat(List.of(d.reason())).containsExactly("");
    }
}
