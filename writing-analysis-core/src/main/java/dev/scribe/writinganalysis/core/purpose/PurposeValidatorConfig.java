package dev.scribe.writinganalysis.core.purpose;

import dev.scribe.writinganalysis.core.text.Rational;

/**
 * Settings of the purpose validator.
 *
 * @param minScore reported score from which a justification is valid (default 0.8)
 * @param fullScoreWeightedSum weighted sum that earns the full base score (default 0.5)
 */
public record PurposeValidatorConfig(Rational minScore, Rational fullScoreWeightedSum) {

    public PurposeValidatorConfig {
        if (fullScoreWeightedSum.signum() <= 0) {
            throw new IllegalArgumentException("The full-score weighted sum must be positive");
        }
    }

    public static PurposeValidatorConfig defaults() {
        return new PurposeValidatorConfig(Rational.parse("0.8"), Rational.parse("0.5"));
    }
}
