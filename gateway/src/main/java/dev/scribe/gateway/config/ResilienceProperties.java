package dev.scribe.gateway.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Breaker settings of platform CB-10 under {@code platform.resilience}.
 *
 * <p>{@code circuits} holds the two profiles {@code default} and {@code analysis} and may hold
 * entries for single circuits by name (such as {@code writing-analysis:patterns}). A named entry
 * overrides its profile field by field; a field left out keeps the profile's value. A circuit uses
 * the analysis profile when its service (the part before the first {@code :}) is listed in {@code
 * analysisServices} (CB-6).
 *
 * @param circuits profiles and per-circuit overrides
 * @param analysisServices services whose circuits use the analysis profile
 */
@ConfigurationProperties("platform.resilience")
public record ResilienceProperties(
        @DefaultValue Map<String, CircuitSettings> circuits,
        @DefaultValue({"writing-analysis", "educational-ai-validator", "academic-integrity"})
                List<String> analysisServices) {

    public ResilienceProperties {
        circuits = Map.copyOf(circuits);
        analysisServices = List.copyOf(analysisServices);
    }

    /**
     * Settings of one circuit or profile; null means "inherit".
     *
     * @param failureThreshold consecutive failures that open a closed circuit (CB-3 a)
     * @param failureRateThreshold failure rate in percent that opens it once {@code minimumCalls}
     *     of the last {@code windowSize} calls are recorded (CB-3 b)
     * @param recoveryTimeoutMs base open duration (CB-4)
     * @param maxRecoveryTimeoutMs cap of the doubled open duration and of a Retry-After extension
     * @param successThreshold successful half-open trials that close the circuit (CB-5)
     * @param permittedHalfOpenCalls concurrent half-open trials; CB-5 makes it equal to {@code
     *     successThreshold}, so a different value is rejected at start-up
     * @param timeoutMs attempt timeout (CB-8); a route's own timeout applies on that route
     * @param slowCallDurationMs calls slower than this count as slow (CB-3 optional rule)
     * @param slowCallRateThreshold slow-call rate in percent that opens the circuit; null = off
     * @param countTooManyRequests whether 429 counts as a failure (CB-7)
     */
    public record CircuitSettings(
            Integer failureThreshold,
            Integer failureRateThreshold,
            Integer windowSize,
            Integer minimumCalls,
            Long recoveryTimeoutMs,
            Long maxRecoveryTimeoutMs,
            Integer successThreshold,
            Integer permittedHalfOpenCalls,
            Long timeoutMs,
            Long slowCallDurationMs,
            Integer slowCallRateThreshold,
            Boolean countTooManyRequests) {

        /** Returns this entry with every null field taken from {@code base}. */
        public CircuitSettings over(CircuitSettings base) {
            if (base == null) {
                return this;
            }
            return new CircuitSettings(
                    pick(failureThreshold, base.failureThreshold),
                    pick(failureRateThreshold, base.failureRateThreshold),
                    pick(windowSize, base.windowSize),
                    pick(minimumCalls, base.minimumCalls),
                    pick(recoveryTimeoutMs, base.recoveryTimeoutMs),
                    pick(maxRecoveryTimeoutMs, base.maxRecoveryTimeoutMs),
                    pick(successThreshold, base.successThreshold),
                    pick(permittedHalfOpenCalls, base.permittedHalfOpenCalls),
                    pick(timeoutMs, base.timeoutMs),
                    pick(slowCallDurationMs, base.slowCallDurationMs),
                    pick(slowCallRateThreshold, base.slowCallRateThreshold),
                    pick(countTooManyRequests, base.countTooManyRequests));
        }

        private static <T> T pick(T own, T inherited) {
            return own != null ? own : inherited;
        }

        /** The default profile of CB-3, CB-4, CB-5, CB-6 and CB-8. */
        public static CircuitSettings defaultProfile() {
            return new CircuitSettings(
                    5, 50, 20, 10, 30_000L, 300_000L, 3, 3, 10_000L, 10_000L, null, true);
        }

        /** The analysis profile: open 60 s, 2 half-open successes, timeout 15 s. */
        public static CircuitSettings analysisProfile() {
            return new CircuitSettings(
                    null, null, null, null, 60_000L, null, 2, 2, 15_000L, null, null, null);
        }
    }
}
