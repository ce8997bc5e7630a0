package dev.scribe.writinganalysis.core.patterns;

import java.math.BigDecimal;
import java.util.List;

/** Sentence, paragraph and word counts of a text, with its organisation score. */
public record Structure(
        int sentenceCount,
        int paragraphCount,
        int wordCount,
        BigDecimal averageSentenceLength,
        List<Integer> paragraphLengths,
        int organizationScore,
        int transitionWords) {

    public Structure {
        paragraphLengths = List.copyOf(paragraphLengths);
    }
}
