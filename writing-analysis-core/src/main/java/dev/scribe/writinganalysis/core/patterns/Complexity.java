package dev.scribe.writinganalysis.core.patterns;

import java.math.BigDecimal;

/** Word-length measures of a text and the readability level derived from them. */
public record Complexity(
        BigDecimal averageWordLength,
        BigDecimal longWordPercentage,
        BigDecimal complexityScore,
        String readabilityLevel) {}
