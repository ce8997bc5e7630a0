package dev.scribe.writinganalysis.core.port;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Ledger of differential-privacy budget per (scope, targetId). Budgets never reset by themselves.
 */
public interface PrivacyBudgetLedger {

    /**
     * Returns the balance of the target, creating it with {@code initialBudget} when absent, and
     * locks it until the transaction ends so that concurrent charges cannot overspend.
     */
    BudgetBalance lockBalance(String scope, String targetId, BigDecimal initialBudget);

    /** Records a charge of {@code epsilon} against the target. */
    void charge(String scope, String targetId, BigDecimal epsilon, Instant at);
}
