package dev.scribe.writinganalysis.core.sentiment;

import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.Rational;
import dev.scribe.writinganalysis.core.text.Token;
import java.util.List;
import java.util.Set;

/**
 * Lexicon sentiment: each token found in the lexicon contributes its valence, with the sign flipped
 * when at least one of the three preceding tokens is a negator. Two negators do not flip twice.
 */
public final class SentimentScorer {

    private static final int NEGATION_WINDOW = 3;

    private static final Set<String> NEGATORS =
            Set.of(
                    "not", "no", "never", "neither", "nor", "none", "nobody", "nothing", "cannot",
                    "without");

    private final Lexicon lexicon;

    public SentimentScorer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public SentimentScore score(AnalyzedText text) {
        List<Token> tokens = text.tokens();
        if (tokens.isEmpty()) {
            return new SentimentScore(Rational.ZERO, 0);
        }

        long sum = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int valence = lexicon.valenceOf(tokens.get(i).lower());
            if (valence == 0) {
                continue;
            }
            sum += negatedWithinWindow(tokens, i) ? -valence : valence;
        }
        return new SentimentScore(Rational.of(sum, tokens.size()), tokens.size());
    }

    /** Tests whether one of the three tokens before {@code index} is a negator. */
    private static boolean negatedWithinWindow(List<Token> tokens, int index) {
        for (int k = Math.max(0, index - NEGATION_WINDOW); k < index; k++) {
            if (isNegator(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    static boolean isNegator(String lowerToken) {
        return NEGATORS.contains(lowerToken) || lowerToken.endsWith("n't");
    }
}
