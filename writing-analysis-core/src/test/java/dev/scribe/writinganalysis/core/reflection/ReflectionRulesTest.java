package dev.scribe.writinganalysis.core.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.text.AnalyzedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReflectionRulesTest {

    private static final ReflectionScorer SCORER = new ReflectionScorer();

    private static int growth(String text) {
        return SCORER.score(text).dimensions().growthMindset();
    }

    @Test
    void mistakeRuleNeedsOrderOnOneLine() {
        // "learn" alone gives the learning family (+15); the same-line rule adds +25.
        assertThat(growth("My mistake, so I learn.")).isEqualTo(40);
        assertThat(growth("I learn from each mistake.")).isEqualTo(15);
        assertThat(growth("My mistake.\nSo I learn.")).isEqualTo(15);
        assertThat(growth("Errors were made; we improved.")).isEqualTo(40);
        assertThat(growth("It was wrong, now better.")).isEqualTo(40);
        assertThat(growth("It was wrong.\r\nNow better.")).isEqualTo(15);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "He said \"keep going\" twice.",
                "He said \u201Ckeep going\u201D twice.",
                "'quoted' start",
                "The word (\u2018ethos\u2019) matters.",
                "He said 'keep going', then left.",
                "He said '' and 'x'"
            })
    void quotedSpanFound(String text) {
        assertThat(QuotedSpans.containsQuotedSpan(AnalyzedText.of(text))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I didn't and couldn't do it.",
                "He said \"keep\ngoing\" twice.",
                "Empty \"\" here.",
                "Dots \"...\" here.",
                "the students' work and the teachers' work",
                "it's 'open but never closed",
                "He said ' x ' aloud.",
                "\u201D backwards \u201C"
            })
    void quotedSpanNotFound(String text) {
        assertThat(QuotedSpans.containsQuotedSpan(AnalyzedText.of(text))).isFalse();
    }

    @Test
    void longSentencesScoreTenEachUpToThirty() {
        String sixteen = "a b c d e f g h i j k l m n o p. ";

        assertThat(SCORER.score(sixteen).dimensions().specificity()).isEqualTo(10);
        assertThat(SCORER.score(sixteen.repeat(4)).dimensions().specificity()).isEqualTo(30);
    }

    @Test
    void firstPersonBonusNeedsMoreThanFive() {
        assertThat(SCORER.score("I me my myself I'm").dimensions().selfAwareness()).isZero();
        assertThat(SCORER.score("I me my myself I'm I've").dimensions().selfAwareness())
                .isEqualTo(30);
    }

    @Test
    void depthLengthBands() {
        assertThat(SCORER.score("w ".repeat(50)).dimensions().depth()).isZero();
        assertThat(SCORER.score("w ".repeat(51)).dimensions().depth()).isEqualTo(10);
        assertThat(SCORER.score("w ".repeat(101)).dimensions().depth()).isEqualTo(20);
        assertThat(SCORER.score("w ".repeat(201)).dimensions().depth()).isEqualTo(30);
    }
}
