package dev.scribe.writinganalysis.core.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.text.Rational;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ClassifierBehaviourTest {

    /** Returns a clock that advances by {@code step} on every reading, starting at 0. */
    private static LongSupplier steppingClock(Duration step) {
        AtomicLong calls = new AtomicLong();
        return () -> calls.getAndIncrement() * step.toNanos();
    }

    @Test
    void guardStopsDetectionAndRequiresReview() {
        // Readings: start 0, before step 1 at 400 ms, step 2 at 800 ms, step 3 at 1,200 ms: only
        // the
        // SSN and credit-card detectors run before the 1,000 ms guard abandons detection.
        SensitivityClassifier classifier =
                new SensitivityClassifier(
                        SensitivityConfig.defaults(), steppingClock(Duration.ofMillis(400)));

        Classification result =
                classifier.classify("Card 4111 1111 1111 1111, mail jo@example.org, I hate it.");

        assertThat(result.manualReviewRequired()).isTrue();
        assertThat(result.sensitiveElements())
                .extracting(SensitiveElement::type)
                .containsExactly("financial_creditCards");
        assertThat(result.sensitivityLevel()).isEqualTo(SensitivityLevel.HIGH);
        assertThat(result.recommendations())
                .endsWith("Detection was limited; review this content manually.");
        assertThat(result.redactedContent()).doesNotContain("4111");
    }

    @Test
    void guardRaisesLevelToAtLeastMedium() {
        SensitivityClassifier classifier =
                new SensitivityClassifier(
                        SensitivityConfig.defaults(), steppingClock(Duration.ofMillis(2000)));

        Classification result = classifier.classify("Nothing to see here.");

        assertThat(result.sensitiveElements()).isEmpty();
        assertThat(result.sensitivityLevel()).isEqualTo(SensitivityLevel.MEDIUM);
        assertThat(result.manualReviewRequired()).isTrue();
        assertThat(result.recommendations())
                .containsExactly(
                        "Apply the standard privacy protections.",
                        "Limit access to the student's own educators.",
                        "Prefer aggregated use of this content.",
                        "Detection was limited; review this content manually.");
    }

    @Test
    void scoreIsCappedAtOneAndCountsTypes() {
        Classification result =
                SensitivityClassifier.withDefaults()
                        .classify(
                                "Ana Ruiz wants to die, ana@example.org, 555-201-3344, 42 Elm"
                                        + " Street, therapy");

        // self_harm 0.95 + 0.1 x (5 - 1) = 1.35, capped at 1.
        assertThat(result.sensitivityScore()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(result.sensitivityLevel()).isEqualTo(SensitivityLevel.HIGH);
    }

    @Test
    void thresholdsComeFromConfig() {
        SensitivityConfig strict =
                SensitivityConfig.defaults()
                        .withThresholds(
                                Rational.parse("0.6"),
                                Rational.parse("0.5"),
                                Rational.parse("0.4"));
        SensitivityClassifier classifier = new SensitivityClassifier(strict, () -> 0L);

        Classification result = classifier.classify("Mail jo@example.org please.");

        assertThat(result.sensitivityLevel()).isEqualTo(SensitivityLevel.HIGH);
    }

    @Test
    void emotionalDistressIsLastAndNeverRedacted() {
        Classification result =
                SensitivityClassifier.withDefaults().classify("Ana Ruiz: awful, terrible, hate.");

        assertThat(result.sensitiveElements())
                .extracting(SensitiveElement::type)
                .containsExactly("personal_names", "emotional_distress");
        assertThat(result.redactedContent())
                .isEqualTo("[REDACTED_PERSONAL_NAMES]: awful, terrible, hate.");
        assertThat(result.redactedElementCount()).isEqualTo(1);
    }

    @Test
    void redactionKeepsOriginalCharacters() {
        String content = "It\u2019s Ana Ruiz\r\nwho said so";

        Classification result = SensitivityClassifier.withDefaults().classify(content);

        assertThat(result.redactedContent())
                .isEqualTo("It\u2019s [REDACTED_PERSONAL_NAMES]\r\nwho said so");
        assertThat(result.sensitiveElements().get(0).text()).isEqualTo("Ana Ruiz");
    }
}
