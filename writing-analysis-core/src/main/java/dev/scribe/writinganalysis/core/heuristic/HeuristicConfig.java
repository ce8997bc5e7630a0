package dev.scribe.writinganalysis.core.heuristic;

import java.util.Objects;
import java.util.Set;

/**
 * Settings of the heuristic tier.
 *
 * @param lowRiskDataTypes data types that purpose validation may allow without a validator
 *     (writing-analysis §6.2 row 2.6, {@code LOW_RISK_DATA_TYPES}; platform AR-13 allow-list)
 * @param blockDirectAnswers apply the no-direct-answers rule of the AI boundaries
 * @param maxAiContextLength characters of redacted AI context kept before truncation
 * @param autoRedactPii analyse the redacted text when the heuristic scan finds an element
 */
public record HeuristicConfig(
        Set<String> lowRiskDataTypes,
        boolean blockDirectAnswers,
        int maxAiContextLength,
        boolean autoRedactPii) {

    public HeuristicConfig {
        Objects.requireNonNull(lowRiskDataTypes, "lowRiskDataTypes");
        lowRiskDataTypes = Set.copyOf(lowRiskDataTypes);
        if (maxAiContextLength < 0) {
            throw new IllegalArgumentException(
                    "maxAiContextLength must not be negative, got " + maxAiContextLength);
        }
    }

    /** The documented defaults: aggregated_analytics and course_data, blocking on, 500 chars. */
    public static HeuristicConfig defaults() {
        return new HeuristicConfig(Set.of("aggregated_analytics", "course_data"), true, 500, true);
    }
}
