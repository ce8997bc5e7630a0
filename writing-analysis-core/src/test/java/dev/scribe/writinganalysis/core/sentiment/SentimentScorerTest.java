package dev.scribe.writinganalysis.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.Rational;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentScorerTest {

    private static final SentimentScorer SCORER = new SentimentScorer(Lexicon.loadDefault());

    @Test
    void negationWindowOfThreeTokens() {
        // good -2 (not), happy -2 (never), great +2 (no negator among "the ending was").
        SentimentScore score =
                SCORER.score(
                        AnalyzedText.of(
                                "This is not good. I was never happy with it, but the ending was"
                                        + " great."));

        assertThat(score.tokenCount()).isEqualTo(15);
        assertThat(score.score()).isEqualTo(Rational.of(-2, 15));
        assertThat(score.rounded()).isEqualTo(new BigDecimal("-0.133"));
        assertThat(score.label()).isEqualTo("negative");
        assertThat(score.confidence()).isEqualTo(new BigDecimal("0.133"));
    }

    @Test
    void contractionEndingInNtIsNegator() {
        // bad +2 (wasn't), terrible -3; "don't" and "wasn't" are one token each.
        SentimentScore score =
                SCORER.score(
                        AnalyzedText.of(
                                "I don't like the ending, it wasn't bad but the middle was"
                                        + " terrible."));

        assertThat(score.tokenCount()).isEqualTo(13);
        assertThat(score.score()).isEqualTo(Rational.of(-1, 13));
        assertThat(score.rounded()).isEqualTo(new BigDecimal("-0.077"));
        assertThat(score.label()).isEqualTo("neutral");
        assertThat(score.confidence()).isEqualTo(new BigDecimal("0.077"));
    }

    @Test
    void twoNegatorsFlipOnceAndTypographicApostropheCounts() {
        assertThat(SCORER.score(AnalyzedText.of("not never good")).score())
                .isEqualTo(Rational.of(-2, 3));
        assertThat(SCORER.score(AnalyzedText.of("isn\u2019t good")).score())
                .isEqualTo(Rational.of(-1));
        assertThat(SCORER.score(AnalyzedText.of("not a b c good")).score())
                .isEqualTo(Rational.of(2, 5));
    }

    @Test
    void emptyTextScoresZero() {
        SentimentScore score = SCORER.score(AnalyzedText.of("..."));

        assertThat(score.score()).isEqualTo(Rational.ZERO);
        assertThat(score.label()).isEqualTo("neutral");
    }

    @Test
    void labelThresholdsAreExclusive() {
        assertThat(new SentimentScore(Rational.of(1, 10), 10).label()).isEqualTo("neutral");
        assertThat(new SentimentScore(Rational.of(-1, 10), 10).label()).isEqualTo("neutral");
        assertThat(new SentimentScore(Rational.of(11, 100), 10).label()).isEqualTo("positive");
        assertThat(new SentimentScore(Rational.of(3), 1).confidence())
                .isEqualTo(new BigDecimal("1.000"));
    }

    @Test
    void defaultLexiconHasEveryListedWord() {
        Lexicon lexicon = Lexicon.loadDefault();

        assertThat(lexicon.size()).isEqualTo(74);
        assertThat(lexicon.valenceOf("thrilled")).isEqualTo(3);
        assertThat(lexicon.valenceOf("strong")).isEqualTo(2);
        assertThat(lexicon.valenceOf("clear")).isEqualTo(1);
        assertThat(lexicon.valenceOf("miserable")).isEqualTo(-3);
        assertThat(lexicon.valenceOf("wrong")).isEqualTo(-2);
        assertThat(lexicon.valenceOf("weak")).isEqualTo(-1);
        assertThat(lexicon.valenceOf("like")).isZero();
    }

    @Test
    void malformedLexiconLinesAreRejected() {
        assertThatThrownBy(() -> Lexicon.parse(List.of("good 2"))).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Lexicon.parse(List.of("# c", "good\t4")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> Lexicon.parse(List.of("good\t2", "good\t1")))
                .hasMessageContaining("duplicate");
    }
}
