package dev.scribe.writinganalysis.core.sentiment;

import dev.scribe.writinganalysis.core.text.Rational;
import java.math.BigDecimal;

/** The exact sentiment of a text: the sum of token contributions divided by the token count. */
public record SentimentScore(Rational score, int tokenCount) {

    private static final Rational LABEL_THRESHOLD = Rational.of(1, 10);

    /** Returns the score rounded half up to three decimals. */
    public BigDecimal rounded() {
        return score.round(3);
    }

    /** Returns {@code positive} above 0.1, {@code negative} below -0.1, else {@code neutral}. */
    public String label() {
        if (score.compareTo(LABEL_THRESHOLD) > 0) {
            return "positive";
        }
        if (score.compareTo(LABEL_THRESHOLD.negate()) < 0) {
            return "negative";
        }
        return "neutral";
    }

    /** Returns the exact confidence min(1, |score|). */
    public Rational exactConfidence() {
        return score.abs().min(Rational.ONE);
    }

    /** Returns min(1, |score|) rounded half up to three decimals. */
    public BigDecimal confidence() {
        return exactConfidence().round(3);
    }
}
