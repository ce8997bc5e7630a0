package dev.scribe.writinganalysis.core.purpose;

import java.math.BigDecimal;

/** The four justification dimensions, each from 0 to 1 with two decimals. */
public record Justification(
        BigDecimal educationalBenefit,
        BigDecimal platformImprovement,
        BigDecimal studentBenefit,
        BigDecimal researchValue) {}
