package dev.scribe.writinganalysis.core.patterns;

import java.math.BigDecimal;

/** The lexicon sentiment of a text, rounded to three decimals. */
public record SentimentSection(
        BigDecimal overallSentiment, String sentimentLabel, BigDecimal confidence) {}
