package dev.scribe.writinganalysis.core.port;

import java.math.BigDecimal;

/**
 * Differential-privacy budget of one target.
 *
 * @param granted total budget granted so far (the initial budget plus administrator additions)
 * @param spent total epsilon charged so far
 */
public record BudgetBalance(BigDecimal granted, BigDecimal spent) {

    public BigDecimal remaining() {
        return granted.subtract(spent);
    }
}
