package dev.scribe.writinganalysis.core.patterns;

import java.math.BigDecimal;

/** Vocabulary, person and tone measures of a text. */
public record Style(
        BigDecimal vocabularyDiversity,
        BigDecimal firstPersonUsage,
        BigDecimal secondPersonUsage,
        BigDecimal academicTone,
        String writingStyle) {}
