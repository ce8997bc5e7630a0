package dev.scribe.writinganalysis.core.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WritingPatternAnalyzerTest {

    private static final WritingPatternAnalyzer ANALYZER = WritingPatternAnalyzer.withDefaults();

    private static final String W1 =
            "I wrote my draft quickly. However, I revised it twice!\n\nYou should try outlining"
                    + " first.";

    @Test
    void goldenStructure() {
        Structure structure = ANALYZER.analyze(W1, PatternOptions.all()).structure();

        assertThat(structure.sentenceCount()).isEqualTo(3);
        assertThat(structure.paragraphCount()).isEqualTo(2);
        assertThat(structure.wordCount()).isEqualTo(15);
        assertThat(structure.averageSentenceLength()).isEqualTo(new BigDecimal("5.00"));
        assertThat(structure.paragraphLengths()).containsExactly(10, 5);
        assertThat(structure.organizationScore()).isEqualTo(60);
        assertThat(structure.transitionWords()).isEqualTo(1);
    }

    @Test
    void goldenSentiment() {
        SentimentSection sentiment = ANALYZER.analyze(W1, PatternOptions.all()).sentiment();

        assertThat(sentiment.overallSentiment()).isEqualTo(new BigDecimal("0.000"));
        assertThat(sentiment.sentimentLabel()).isEqualTo("neutral");
        assertThat(sentiment.confidence()).isEqualTo(new BigDecimal("0.000"));
    }

    @Test
    void goldenComplexity() {
        // 68 characters in 15 tokens; quickly, However, revised and outlining are longer than 6.
        Complexity complexity = ANALYZER.analyze(W1, PatternOptions.all()).complexity();

        assertThat(complexity.averageWordLength()).isEqualTo(new BigDecimal("4.53"));
        assertThat(complexity.longWordPercentage()).isEqualTo(new BigDecimal("26.67"));
        assertThat(complexity.complexityScore()).isEqualTo(new BigDecimal("0.287"));
        assertThat(complexity.readabilityLevel()).isEqualTo("basic");
    }

    @Test
    void goldenStyle() {
        Style style = ANALYZER.analyze(W1, PatternOptions.all()).style();

        assertThat(style.vocabularyDiversity()).isEqualTo(new BigDecimal("0.933"));
        assertThat(style.firstPersonUsage()).isEqualTo(new BigDecimal("20.00"));
        assertThat(style.secondPersonUsage()).isEqualTo(new BigDecimal("6.67"));
        assertThat(style.academicTone()).isEqualTo(new BigDecimal("6.67"));
        assertThat(style.writingStyle()).isEqualTo("personal");
    }

    @Test
    void unrequestedSectionsAreNullButStyleIsPresent() {
        Patterns patterns = ANALYZER.analyze(W1, new PatternOptions(false, true, false));

        assertThat(patterns.structure()).isNull();
        assertThat(patterns.sentiment()).isNotNull();
        assertThat(patterns.complexity()).isNull();
        assertThat(patterns.style()).isNotNull();
    }

    @Test
    void organizationScoreBands() {
        assertThat(organization("One.")).isEqualTo(40);
        assertThat(organization("One.\n\nTwo.")).isEqualTo(60);
        assertThat(organization("One.\n\nTwo.\n\nThree.")).isEqualTo(80);
        assertThat(organization("1\n\n2\n\n3\n\n4\n\n5")).isEqualTo(80);
        assertThat(organization("1\n\n2\n\n3\n\n4\n\n5\n\n6")).isEqualTo(60);
    }

    private static int organization(String text) {
        return ANALYZER.analyze(text, PatternOptions.all()).structure().organizationScore();
    }

    @Test
    void transitionWordsCountEveryWholeWordOccurrence() {
        Structure structure =
                ANALYZER.analyze(
                                "However, moreover; MEANWHILE however's. Howevers therefore.",
                                PatternOptions.all())
                        .structure();

        assertThat(structure.transitionWords()).isEqualTo(5);
    }

    @Test
    void complexityClampsAndGrades() {
        Complexity advanced =
                ANALYZER.analyze(
                                "Extraordinarily sophisticated argumentation", PatternOptions.all())
                        .complexity();
        Complexity basic = ANALYZER.analyze("a b c", PatternOptions.all()).complexity();

        assertThat(advanced.complexityScore()).isEqualTo(new BigDecimal("1.000"));
        assertThat(advanced.readabilityLevel()).isEqualTo("advanced");
        assertThat(basic.complexityScore()).isEqualTo(new BigDecimal("0.000"));
        assertThat(basic.readabilityLevel()).isEqualTo("basic");
    }

    @Test
    void textWithoutTokensGivesZeros() {
        Patterns patterns = ANALYZER.analyze("...", PatternOptions.all());

        assertThat(patterns.structure().wordCount()).isZero();
        assertThat(patterns.structure().averageSentenceLength()).isEqualTo(new BigDecimal("0.00"));
        assertThat(patterns.style().vocabularyDiversity()).isEqualTo(new BigDecimal("0.000"));
        assertThat(patterns.style().writingStyle()).isEqualTo("formal");
    }
}
