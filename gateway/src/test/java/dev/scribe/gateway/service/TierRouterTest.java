package dev.scribe.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.gateway.config.AdaptiveProperties;
import dev.scribe.gateway.config.ResilienceProperties;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.platform.web.Tier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tier decision of AR-4, AR-5, AR-7, AR-9 and AR-12 on cached state. */
class TierRouterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FeatureFlags flags = new FeatureFlags();
    private final CircuitBreakers breakers =
            new CircuitBreakers(
                    new ResilienceProperties(Map.of(), List.of("writing-analysis")), clock, meters);
    private final TierStatistics statistics = new TierStatistics(clock, Duration.ofMinutes(5), 100);
    private double nextRandom = 0.5;
    private final TierRouter router =
            new TierRouter(
                    flags,
                    breakers,
                    statistics,
                    new AdaptiveProperties(
                            300,
                            100,
                            10,
                            0.8,
                            5000,
                            2,
                            30,
                            10,
                            0.01,
                            30,
                            2,
                            100,
                            "test-only-pseudonym-key"),
                    clock,
                    () -> nextRandom,
                    meters);

    private void record(TieredOperation operation, int failures, int successes, long latencyMs) {
        for (int i = 0; i < failures; i++) {
            statistics.record(operation, Tier.REMOTE, false, Duration.ofMillis(latencyMs));
        }
        for (int i = 0; i < successes; i++) {
            statistics.record(operation, Tier.REMOTE, true, Duration.ofMillis(latencyMs));
        }
        router.refresh();
    }

    private double eligibleGauge(String operation, String tier) {
        return meters.get("adaptive_tier_eligible")
                .tag("operation", operation)
                .tag("tier", tier)
                .gauge()
                .value();
    }

    @Test
    void healthyRemoteComesFirstThenLocalThenHeuristic() {
        TierRouter.Plan plan = router.plan(TieredOperation.SENSITIVITY);

        assertThat(plan.attempts()).containsExactly(Tier.REMOTE, Tier.LOCAL, Tier.HEURISTIC);
        assertThat(plan.notices()).isEmpty();
        assertThat(eligibleGauge("sensitivity", "remote")).isEqualTo(1.0);
    }

    @Test
    void fewerThanTenSamplesNeverDemote() {
        record(TieredOperation.PURPOSE_VALIDATION, 9, 0, 10);

        assertThat(router.plan(TieredOperation.PURPOSE_VALIDATION).attempts())
                .startsWith(Tier.REMOTE);
    }

    @Test
    void lowSuccessRateDemotesWithItsNotice() {
        record(TieredOperation.PURPOSE_VALIDATION, 3, 7, 10);

        TierRouter.Plan plan = router.plan(TieredOperation.PURPOSE_VALIDATION);

        assertThat(plan.attempts()).containsExactly(Tier.LOCAL, Tier.HEURISTIC, Tier.REMOTE);
        assertThat(plan.notices()).containsExactly(TierRouter.REMOTE_SUCCESS_RATE_LOW);
        assertThat(eligibleGauge("purpose-validation", "remote")).isZero();
    }

    @Test
    void successRateAtTheThresholdStaysEligible() {
        record(TieredOperation.PURPOSE_VALIDATION, 2, 8, 10);

        assertThat(router.plan(TieredOperation.PURPOSE_VALIDATION).notices()).isEmpty();
    }

    @Test
    void highP95LatencyDemotes() {
        record(TieredOperation.PURPOSE_VALIDATION, 0, 10, 6000);

        assertThat(router.plan(TieredOperation.PURPOSE_VALIDATION).notices())
                .containsExactly(TierRouter.REMOTE_LATENCY_HIGH);
    }

    @Test
    void windowsForgetCallsOlderThanFiveMinutes() {
        record(TieredOperation.PURPOSE_VALIDATION, 10, 0, 10);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        router.refresh();

        assertThat(router.plan(TieredOperation.PURPOSE_VALIDATION).notices()).isEmpty();
    }

    @Test
    void aShareOfReadOnlyTrafficProbesTheDemotedRemoteTier() {
        record(TieredOperation.SENSITIVITY, 10, 0, 10);
        nextRandom = 0.005;

        TierRouter.Plan probe = router.plan(TieredOperation.SENSITIVITY);

        assertThat(probe.probe()).isTrue();
        assertThat(probe.attempts()).containsExactly(Tier.REMOTE, Tier.LOCAL, Tier.HEURISTIC);

        nextRandom = 0.5;
        assertThat(router.plan(TieredOperation.SENSITIVITY).attempts())
                .containsExactly(Tier.LOCAL, Tier.HEURISTIC, Tier.REMOTE);
    }

    @Test
    void windowDemotedRemoteIsLastResort() {
        record(TieredOperation.REFLECTIONS, 10, 0, 10);

        TierRouter.Plan plan = router.plan(TieredOperation.REFLECTIONS);

        assertThat(plan.attempts()).containsExactly(Tier.REMOTE);
        assertThat(plan.notices()).containsExactly(TierRouter.REMOTE_SUCCESS_RATE_LOW);
        assertThat(plan.probe()).isFalse();
    }

    @Test
    void openCircuitRemoteIsNoLastResort() {
        record(TieredOperation.REFLECTIONS, 10, 0, 10);
        breakers.circuit("writing-analysis:reflections-evaluate").forceOpen();

        assertThat(router.plan(TieredOperation.REFLECTIONS).attempts()).isEmpty();
    }

    @Test
    void operationsThatWriteAreNeverProbedWithLiveTraffic() {
        record(TieredOperation.PURPOSE_VALIDATION, 10, 0, 10);
        nextRandom = 0.0;

        assertThat(router.plan(TieredOperation.PURPOSE_VALIDATION).probe()).isFalse();
    }

    @Test
    void openCircuitSkipsTheRemoteTier() {
        CircuitBreakers.Circuit circuit = breakers.circuit("writing-analysis:ai-boundaries");
        circuit.forceOpen();

        TierRouter.Plan plan = router.plan(TieredOperation.AI_BOUNDARIES);

        assertThat(plan.attempts()).containsExactly(Tier.HEURISTIC);
        assertThat(plan.notices()).containsExactly(TierRouter.REMOTE_CIRCUIT_OPEN);
        assertThat(router.remoteDemoted(TieredOperation.AI_BOUNDARIES)).isTrue();
    }

    @Test
    void allowFallbackOffLeavesNothingWhenRemoteAndLocalAreOff() {
        flags.set(
                Map.of(
                        FeatureFlags.ALLOW_FALLBACK,
                        false,
                        FeatureFlags.remoteFlag(TieredOperation.SENSITIVITY),
                        false,
                        FeatureFlags.localFlag(TieredOperation.SENSITIVITY),
                        false));

        TierRouter.Plan plan = router.plan(TieredOperation.SENSITIVITY);

        assertThat(plan.attempts()).isEmpty();
        assertThat(plan.notices()).containsExactly(TierRouter.REMOTE_FLAG_OFF, "LOCAL_FLAG_OFF");
        assertThat(router.remoteDemoted(TieredOperation.SENSITIVITY)).isFalse();
        assertThat(router.retryAfterSeconds(TieredOperation.SENSITIVITY)).isEqualTo(30);
    }

    @Test
    void insightsCanRequireTheRemoteTier() {
        flags.set(Map.of(FeatureFlags.REQUIRE_REMOTE_FOR_INSIGHTS, true));

        assertThat(router.plan(TieredOperation.INSIGHTS).attempts()).containsExactly(Tier.REMOTE);
        assertThat(router.plan(TieredOperation.SENSITIVITY).attempts())
                .containsExactly(Tier.REMOTE, Tier.LOCAL, Tier.HEURISTIC);
    }

    @Test
    void failFastSkipsTheLocalTier() {
        flags.set(Map.of(FeatureFlags.FAIL_FAST, true));

        TierRouter.Plan plan = router.plan(TieredOperation.PURPOSE_VALIDATION);

        assertThat(plan.attempts()).containsExactly(Tier.REMOTE, Tier.HEURISTIC);
        assertThat(plan.notices()).containsExactly(TierRouter.FAIL_FAST);
    }

    @Test
    void operationsThatNeedConsentHaveNoLocalTier() {
        assertThat(router.plan(TieredOperation.PATTERNS).attempts())
                .containsExactly(Tier.REMOTE, Tier.HEURISTIC);
        assertThat(router.plan(TieredOperation.REFLECTIONS).attempts())
                .containsExactly(Tier.REMOTE);
    }

    @Test
    void operationsWithoutHeuristicAnswerHaveOnlyTheRemoteTier() {
        breakers.circuit("writing-analysis:reflections-evaluate").forceOpen();

        assertThat(router.plan(TieredOperation.REFLECTIONS).attempts()).isEmpty();
    }

    @Test
    void retryAfterCountsDownToTheCircuitsNextAttempt() {
        CircuitBreakers.Circuit circuit = breakers.circuit("writing-analysis:sensitivity");
        for (int i = 0; i < 5; i++) {
            circuit.tryAcquire();
            circuit.onFailure(Duration.ofMillis(5), new RuntimeException("HTTP_500"), null);
        }
        clock.advance(Duration.ofMillis(20_500));

        assertThat(router.retryAfterSeconds(TieredOperation.SENSITIVITY)).isEqualTo(40);
    }

    @Test
    void presetsAreBundlesOfKnownFlags() {
        Map<String, Boolean> emergency = FeatureFlags.preset("emergency").orElseThrow();

        assertThat(emergency).containsEntry(FeatureFlags.FAIL_FAST, true);
        assertThat(emergency.keySet()).allMatch(FeatureFlags::isKnown);
        assertThat(FeatureFlags.preset("production").orElseThrow())
                .containsEntry(FeatureFlags.STRICT_PRIVACY, true);
        assertThat(FeatureFlags.preset("nonsense")).isEmpty();
    }
}
