package dev.scribe.writinganalysis.core.sentiment;

import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.Rational;
import dev.scribe.writinganalysis.core.text.Token;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lexicon sentiment: each token found in the lexicon contributes its valence, with the sign flipped
 * when at least one of the three preceding tokens is a negator. Two negators do not flip twice.
 */
public final class SentimentScorer {

    private static final int NEGATION_WINDOW = 3;

    private static final Set<String> NEGATORS =
            Collections.unmodifiableSet(
                    new HashSet<>(
                            List.of(
                                    "not", "no", "never", "neither", "nor", "none", "nobody",
                                    "nothing", "cannot", "without")));

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
        int lastNegator = Integer.MIN_VALUE / 2;
        for (int i = 0; i < tokens.size(); i++) {
            String lower = tokens.get(i).lower();
            int valence = lexicon.valenceOf(lower);
            if (valence != 0) {
                boolean negated = i - lastNegator <= NEGATION_WINDOW;
                sum += negated ? -valence : valence;
            }
            if (isNegator(lower)) {
                lastNegator = i;
            }
        }
        return new SentimentScore(Rational.of(sum, tokens.size()), tokens.size());
    }

    static boolean isNegator(String lowerToken) {
        return NEGATORS.contains(lowerToken) || lowerToken.endsWith("n't");
    }
}
