package dev.scribe.writinganalysis.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import dev.scribe.writinganalysis.core.patterns.PatternOptions;
import dev.scribe.writinganalysis.core.patterns.Patterns;
import dev.scribe.writinganalysis.core.patterns.WritingPatternAnalyzer;
import dev.scribe.writinganalysis.core.reflection.Dimensions;
import dev.scribe.writinganalysis.core.reflection.ReflectionScore;
import dev.scribe.writinganalysis.core.reflection.ReflectionScorer;
import dev.scribe.writinganalysis.core.sensitivity.Classification;
import dev.scribe.writinganalysis.core.sensitivity.SensitiveElement;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the analysers over every essay and reflection of the shared evaluation data, and checks five
 * entries exactly. The entries are referenced by id; their text is not copied here.
 */
class RealDataTest {

    private static final SensitivityClassifier CLASSIFIER = SensitivityClassifier.withDefaults();
    private static final WritingPatternAnalyzer PATTERNS = WritingPatternAnalyzer.withDefaults();
    private static final ReflectionScorer REFLECTIONS = new ReflectionScorer();

    private static final String LOW_SCORE_FEEDBACK_DEPTH =
            "Go deeper: explain why things happened and how your thinking changed.";

    private static List<SharedData.Entry> allTexts() {
        List<SharedData.Entry> all = new ArrayList<>(SharedData.load("essays/essays.jsonl"));
        all.addAll(SharedData.load("reflections/reflections.jsonl"));
        return all;
    }

    @Test
    void everyEssayAndReflectionAnalysesInRange() {
        List<SharedData.Entry> entries = allTexts();

        for (SharedData.Entry entry : entries) {
            String id = entry.id();
            Classification classification = CLASSIFIER.classify(entry.text());
            assertThat(classification.sensitivityScore())
                    .as(id)
                    .isBetween(BigDecimal.ZERO, BigDecimal.ONE);

            String analysed = classification.redactedContent();
            Patterns patterns = PATTERNS.analyze(analysed, PatternOptions.all());
            assertThat(patterns.structure().wordCount()).as(id).isPositive();
            assertThat(patterns.complexity().complexityScore())
                    .as(id)
                    .isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(patterns.sentiment().confidence())
                    .as(id)
                    .isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(patterns.style().vocabularyDiversity())
                    .as(id)
                    .isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(patterns.style().firstPersonUsage())
                    .as(id)
                    .isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));

            ReflectionScore score = REFLECTIONS.score(analysed);
            assertThat(score.overall()).as(id).isBetween(0, 100);
            Dimensions d = score.dimensions();
            for (int value :
                    new int[] {
                        d.depth(),
                        d.selfAwareness(),
                        d.criticalThinking(),
                        d.growthMindset(),
                        d.specificity()
                    }) {
                assertThat(value).as(id).isBetween(0, 100);
            }
        }
        System.out.printf(
                "Analysed %d essays and reflections from the shared data%n", entries.size());
    }

    @Test
    void essayWithMisspellingsAndExclamations() {
        SharedData.Entry entry =
                SharedData.byId(SharedData.load("essays/essays.jsonl"), "asap-7305");

        Patterns patterns = PATTERNS.analyze(entry.text(), PatternOptions.all());
        ReflectionScore score = REFLECTIONS.score(entry.text());

        // 11 tokens: the typographic apostrophe joins "He's" into one token. A full stop and two
        // exclamation marks cut 4 sentences of 6, 3, 1 and 1 tokens, so 11 / 4 = 2.75.
        assertThat(patterns.structure().wordCount()).isEqualTo(11);
        assertThat(patterns.structure().sentenceCount()).isEqualTo(4);
        assertThat(patterns.structure().averageSentenceLength()).isEqualTo(new BigDecimal("2.75"));
        // The positive words are misspelled ("hapy", "happsy"), so no lexicon word matches.
        assertThat(patterns.sentiment().overallSentiment()).isEqualTo(new BigDecimal("0.000"));
        // 65 characters in 11 tokens; scenery, cyclist and the 14-letter "so..." are longer than 6:
        // 0.5 x (65/11 - 3) / 5 + 0.5 x 3/11 = 0.42727.
        assertThat(patterns.complexity().averageWordLength()).isEqualTo(new BigDecimal("5.91"));
        assertThat(patterns.complexity().longWordPercentage()).isEqualTo(new BigDecimal("27.27"));
        assertThat(patterns.complexity().complexityScore()).isEqualTo(new BigDecimal("0.427"));
        assertThat(patterns.complexity().readabilityLevel()).isEqualTo("intermediate");
        // "the" and "happsy" repeat: 9 distinct of 11.
        assertThat(patterns.style().vocabularyDiversity()).isEqualTo(new BigDecimal("0.818"));
        // No reflection keyword, digit, quotation or sentence over 15 tokens.
        assertThat(score.dimensions()).isEqualTo(new Dimensions(0, 0, 0, 0, 0));
        assertThat(CLASSIFIER.classify(entry.text()).sensitiveElements()).isEmpty();
    }

    @Test
    void essayOfOneLongSentence() {
        SharedData.Entry entry =
                SharedData.byId(SharedData.load("essays/essays.jsonl"), "asap-10617");

        Patterns patterns = PATTERNS.analyze(entry.text(), PatternOptions.all());
        ReflectionScore score = REFLECTIONS.score(entry.text());

        // One sentence of 21 tokens.
        assertThat(patterns.structure().wordCount()).isEqualTo(21);
        assertThat(patterns.structure().sentenceCount()).isEqualTo(1);
        // concludes, paragraph, because, explain and happened are longer than 6: 5 / 21.
        assertThat(patterns.complexity().longWordPercentage()).isEqualTo(new BigDecimal("23.81"));
        // "because" gives depth +10; the 21-token sentence gives specificity +10;
        // overall = floor((25 x 10 + 15 x 10 + 50) / 100) = 4.
        assertThat(score.dimensions()).isEqualTo(new Dimensions(10, 0, 0, 0, 10));
        assertThat(score.overall()).isEqualTo(4);
        assertThat(score.level()).isEqualTo(AccessLevel.RESTRICTED);
        // "The" is a name stopword, so no name is detected.
        assertThat(CLASSIFIER.classify(entry.text()).sensitivityLevel())
                .isEqualTo(SensitivityLevel.NONE);
    }

    @Test
    void reflectionWithDigitAndNegativeWord() {
        SharedData.Entry entry =
                SharedData.byId(
                        SharedData.load("reflections/reflections.jsonl"), "reflectsumm-p2-r2560");

        Patterns patterns = PATTERNS.analyze(entry.text(), PatternOptions.all());
        ReflectionScore score = REFLECTIONS.score(entry.text());

        // 16 tokens, "3" included; "confusing" (-2) is the only lexicon word: -2 / 16 = -0.125.
        assertThat(patterns.structure().wordCount()).isEqualTo(16);
        assertThat(patterns.sentiment().overallSentiment()).isEqualTo(new BigDecimal("-0.125"));
        assertThat(patterns.sentiment().sentimentLabel()).isEqualTo("negative");
        // Specificity: a digit (+20) and one sentence of more than 15 tokens (+10).
        assertThat(score.dimensions()).isEqualTo(new Dimensions(0, 0, 0, 0, 30));
        assertThat(score.overall()).isEqualTo(5);
        // "3 month payback plan" has no street suffix, so it is no address.
        assertThat(CLASSIFIER.classify(entry.text()).sensitiveElements()).isEmpty();
    }

    @Test
    void reflectionWithTypographicApostrophes() {
        SharedData.Entry entry =
                SharedData.byId(
                        SharedData.load("reflections/reflections.jsonl"), "reflectsumm-p2-r4167");

        Patterns patterns = PATTERNS.analyze(entry.text(), PatternOptions.all());
        ReflectionScore score = REFLECTIONS.score(entry.text());

        // U+2019 makes both "I'm" single tokens: 36 tokens in sentences of 29 and 7.
        assertThat(patterns.structure().wordCount()).isEqualTo(36);
        assertThat(patterns.structure().averageSentenceLength()).isEqualTo(new BigDecimal("18.00"));
        // "problem" -1 and "hate" -3, neither with a negator in the three tokens before: -4 / 36.
        assertThat(patterns.sentiment().overallSentiment()).isEqualTo(new BigDecimal("-0.111"));
        // First person: I'm, I'm and me, 3 / 36 > 5 %, so the style is personal.
        assertThat(patterns.style().firstPersonUsage()).isEqualTo(new BigDecimal("8.33"));
        assertThat(patterns.style().writingStyle()).isEqualTo("personal");
        // depth: "why" +20; growth: "learning" +15; specificity: the 29-token sentence +10;
        // 3 first-person tokens are too few for self-awareness +30.
        // overall = floor((25 x 20 + 15 x 15 + 15 x 10 + 50) / 100) = 9.
        assertThat(score.dimensions()).isEqualTo(new Dimensions(20, 0, 0, 15, 10));
        assertThat(score.overall()).isEqualTo(9);
        assertThat(score.feedback()).first().isEqualTo(LOW_SCORE_FEEDBACK_DEPTH);
    }

    @Test
    void reflectionWithContractionsOfI() {
        SharedData.Entry entry =
                SharedData.byId(
                        SharedData.load("reflections/reflections.jsonl"), "cered-en-test-6506");

        Patterns patterns = PATTERNS.analyze(entry.text(), PatternOptions.all());
        ReflectionScore score = REFLECTIONS.score(entry.text());

        // 22 tokens in one sentence; first person: I'm, I, I'll, I'm = 4 / 22.
        assertThat(patterns.structure().wordCount()).isEqualTo(22);
        assertThat(patterns.style().firstPersonUsage()).isEqualTo(new BigDecimal("18.18"));
        // "afraid" -2 without a negator before it: -2 / 22 = -0.0909, inside the neutral band.
        assertThat(patterns.sentiment().overallSentiment()).isEqualTo(new BigDecimal("-0.091"));
        assertThat(patterns.sentiment().sentimentLabel()).isEqualTo("neutral");
        // Depth gets +10 for "because". Self-awareness gets +15 because "I'll" is an intention,
        // and no +30 because 4 first-person tokens are not more than 5. Growth gets +15 because
        // "I'll" is also a plan. Specificity gets +10 for the 22-token sentence.
        // overall = floor((25 x 10 + 20 x 15 + 15 x 15 + 15 x 10 + 50) / 100) = 9.
        assertThat(score.dimensions()).isEqualTo(new Dimensions(10, 15, 0, 15, 10));
        assertThat(score.overall()).isEqualTo(9);
    }

    @Test
    void elementsNeverOverlapOnRealTexts() {
        for (SharedData.Entry entry : allTexts()) {
            int previousEnd = 0;
            for (SensitiveElement element : CLASSIFIER.classify(entry.text()).sensitiveElements()) {
                if (element.type().equals("emotional_distress")) {
                    continue;
                }
                assertThat(element.startIndex()).as(entry.id()).isGreaterThanOrEqualTo(previousEnd);
                previousEnd = element.endIndex();
            }
        }
    }
}
