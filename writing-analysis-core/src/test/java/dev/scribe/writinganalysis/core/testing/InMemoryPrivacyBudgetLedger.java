package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.port.BudgetBalance;
import dev.scribe.writinganalysis.core.port.PrivacyBudgetLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Privacy-budget ledger kept in memory. */
public final class InMemoryPrivacyBudgetLedger implements PrivacyBudgetLedger {

    private final Map<String, BudgetBalance> balances = new HashMap<>();

    private static String key(String scope, String targetId) {
        return scope + "\u0000" + targetId;
    }

    @Override
    public synchronized BudgetBalance lockBalance(
            String scope, String targetId, BigDecimal initialBudget) {
        return balances.computeIfAbsent(
                key(scope, targetId), k -> new BudgetBalance(initialBudget, BigDecimal.ZERO));
    }

    @Override
    public synchronized void charge(String scope, String targetId, BigDecimal epsilon, Instant at) {
        BudgetBalance balance = balances.get(key(scope, targetId));
        if (balance == null) {
            throw new IllegalStateException("charge before lockBalance");
        }
        balances.put(
                key(scope, targetId),
                new BudgetBalance(balance.granted(), balance.spent().add(epsilon)));
    }

    /** Current balance, or null if the target was never charged or locked. */
    public synchronized BudgetBalance balance(String scope, String targetId) {
        return balances.get(key(scope, targetId));
    }
}
