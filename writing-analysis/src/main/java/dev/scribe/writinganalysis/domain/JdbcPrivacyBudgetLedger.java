package dev.scribe.writinganalysis.domain;

import dev.scribe.writinganalysis.core.port.BudgetBalance;
import dev.scribe.writinganalysis.core.port.PrivacyBudgetLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Differential-privacy budgets: one row per (scope, target) in {@code privacy_budget}, locked with
 * {@code SELECT ... FOR UPDATE} while a query is charged, and every charge recorded in {@code
 * privacy_budget_ledger}.
 */
@Repository
public class JdbcPrivacyBudgetLedger implements PrivacyBudgetLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcPrivacyBudgetLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public BudgetBalance lockBalance(String scope, String targetId, BigDecimal initialBudget) {
        Optional<BudgetBalance> existing = selectForUpdate(scope, targetId);
        if (existing.isPresent()) {
            return existing.get();
        }

        try {
            jdbc.sql(
                            """
                            INSERT INTO privacy_budget (scope, target_id, granted, spent, updated_at)
                            VALUES (:scope, :target, :granted, 0, :now)
                            """)
                    .param("scope", scope)
                    .param("target", targetId)
                    .param("granted", initialBudget)
                    .param("now", SqlTimes.toSql(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            // Another transaction created the account first; its row is locked below like any
            // other.
        }
        return selectForUpdate(scope, targetId)
                .orElseThrow(() -> new IllegalStateException("The budget account vanished"));
    }

    @Override
    public void charge(String scope, String targetId, BigDecimal epsilon, Instant at) {
        int updated =
                jdbc.sql(
                                """
                                UPDATE privacy_budget SET spent = spent + :epsilon, updated_at = :at
                                WHERE scope = :scope AND target_id = :target
                                """)
                        .param("epsilon", epsilon)
                        .param("at", SqlTimes.toSql(at))
                        .param("scope", scope)
                        .param("target", targetId)
                        .update();
        if (updated != 1) {
            throw new IllegalStateException(
                    "No budget account to charge; lockBalance must run first in the transaction");
        }

        jdbc.sql(
                        """
                        INSERT INTO privacy_budget_ledger (id, scope, target_id, kind, epsilon,
                            correlation_id, created_at)
                        VALUES (:id, :scope, :target, 'charge', :epsilon, :correlationId, :at)
                        """)
                .param("id", UUID.randomUUID().toString())
                .param("scope", scope)
                .param("target", targetId)
                .param("epsilon", epsilon)
                .param("correlationId", MDC.get("correlationId"))
                .param("at", SqlTimes.toSql(at))
                .update();
    }

    private Optional<BudgetBalance> selectForUpdate(String scope, String targetId) {
        return jdbc.sql(
                        "SELECT granted, spent FROM privacy_budget WHERE scope = :scope AND"
                                + " target_id = :target FOR UPDATE")
                .param("scope", scope)
                .param("target", targetId)
                .query(
                        (rs, n) ->
                                new BudgetBalance(
                                        rs.getBigDecimal("granted").stripTrailingZeros(),
                                        rs.getBigDecimal("spent").stripTrailingZeros()))
                .optional();
    }
}
