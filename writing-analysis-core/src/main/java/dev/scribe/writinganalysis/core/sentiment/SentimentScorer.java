package dev.scribe.writinganalysis.core.sentiment;

import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.Rational;
import dev.scribe.writinganalysis.core.text.Token;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** Marks a negator in {@link #tokenInfo}; the low bits hold the valence plus 3 (0..6). */
    private static final int NEGATOR_FLAG = 8;

    private static final int VALENCE_OFFSET = 3;

    private final Lexicon lexicon;

    /** Valence and negator flag of every word that has either, so each token needs one lookup. */
    private final Map<String, Integer> tokenInfo;

    public SentimentScorer(Lexicon lexicon) {
        this.lexicon = lexicon;
        Map<String, Integer> info = new HashMap<>();
        lexicon.forEach((word, valence) -> info.put(word, valence + VALENCE_OFFSET));
        for (String negator : NEGATORS) {
            info.merge(negator, NEGATOR_FLAG | VALENCE_OFFSET, (old, flag) -> old | NEGATOR_FLAG);
        }
        this.tokenInfo = Collections.unmodifiableMap(info);
    }

    /** Scores a text; the result is kept on the text, keyed by this scorer's lexicon. */
    public SentimentScore score(AnalyzedText text) {
        return text.derived(lexicon, this::compute);
    }

    private SentimentScore compute(AnalyzedText text) {
        List<Token> tokens = text.tokens();
        if (tokens.isEmpty()) {
            return new SentimentScore(Rational.ZERO, 0);
        }

        long sum = 0;
        int lastNegator = Integer.MIN_VALUE / 2;
        for (int i = 0; i < tokens.size(); i++) {
            String lower = tokens.get(i).lower();
            Integer info = tokenInfo.get(lower);
            int valence = info == null ? 0 : (info & ~NEGATOR_FLAG) - VALENCE_OFFSET;
            if (valence != 0) {
                boolean negated = i - lastNegator <= NEGATION_WINDOW;
                sum += negated ? -valence : valence;
            }
            boolean negator = info != null ? (info & NEGATOR_FLAG) != 0 : false;
            if (negator || lower.endsWith("n't")) {
                lastNegator = i;
            }
        }
        return new SentimentScore(Rational.of(sum, tokens.size()), tokens.size());
    }

    static boolean isNegator(String lowerToken) {
        return NEGATORS.contains(lowerToken) || lowerToken.endsWith("n't");
    }
}
