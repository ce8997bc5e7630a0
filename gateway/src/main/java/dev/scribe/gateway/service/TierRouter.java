package dev.scribe.gateway.service;

import dev.scribe.gateway.config.AdaptiveProperties;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.platform.web.Tier;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * The tier decision of platform AR-4 to AR-6 and AR-12. It reads only cached state: flags (an
 * immutable snapshot), breaker states (in memory) and the window health that {@link #refresh()}
 * computes in the background (AR-8). It never opens a connection to decide.
 *
 * <p>A remote tier demoted only by its window (success rate or p95, not its circuit or flag) stays
 * in the plan as the last attempt. Without that, an operation whose lower tiers cannot answer the
 * request (reflection scoring has none; patterns needs a consent decision the gateway may not have)
 * would be refused without a call, no call would refill the window, and the demotion would last
 * until the window's entries aged out, five minutes later (AR-7 asks for no sticky demotion). The
 * circuit still protects a remote tier that keeps failing: once it opens, the tier is left out.
 */
public class TierRouter {

    public static final String REMOTE_FLAG_OFF = "REMOTE_FLAG_OFF";
    public static final String REMOTE_CIRCUIT_OPEN = "REMOTE_CIRCUIT_OPEN";
    public static final String REMOTE_SUCCESS_RATE_LOW = "REMOTE_SUCCESS_RATE_LOW";
    public static final String REMOTE_LATENCY_HIGH = "REMOTE_LATENCY_HIGH";
    public static final String REMOTE_FAILED = "REMOTE_FAILED";
    public static final String FAIL_FAST = "FAIL_FAST";

    private final FeatureFlags flags;
    private final CircuitBreakers breakers;
    private final TierStatistics statistics;
    private final AdaptiveProperties properties;
    private final Clock clock;
    private final DoubleSupplier random;

    /** Window verdicts per operation and tier; absent means "too few samples to judge". */
    private final Map<TieredOperation, Map<Tier, String>> windowVerdicts =
            new ConcurrentHashMap<>();

    /**
     * @param random uniform values in [0, 1) that pick the live probe traffic share (AR-7)
     */
    public TierRouter(
            FeatureFlags flags,
            CircuitBreakers breakers,
            TierStatistics statistics,
            AdaptiveProperties properties,
            Clock clock,
            DoubleSupplier random,
            MeterRegistry meters) {
        this.flags = flags;
        this.breakers = breakers;
        this.statistics = statistics;
        this.properties = properties;
        this.clock = clock;
        this.random = random;
        for (TieredOperation operation : TieredOperation.values()) {
            windowVerdicts.put(operation, new ConcurrentHashMap<>());
            for (Tier tier : operation.tiers()) {
                Gauge.builder(
                                "adaptive_tier_eligible",
                                () -> eligibleForGauge(operation, tier) ? 1 : 0)
                        .tag("operation", operation.key())
                        .tag("tier", tier.wireName())
                        .register(meters);
            }
        }
    }

    /**
     * The plan for one request.
     *
     * @param attempts tiers to try in order: the chosen one, then at most {@code
     *     maxFallbackAttempts} further ones (AR-6); empty when nothing may answer (AR-12)
     * @param notices the skip codes of AR-5, in tier order
     * @param probe whether the remote tier is tried as live probe traffic although demoted (AR-7)
     */
    public record Plan(List<Tier> attempts, List<String> notices, boolean probe) {

        public Plan {
            attempts = List.copyOf(attempts);
            notices = List.copyOf(notices);
        }
    }

    public Plan plan(TieredOperation operation) {
        List<Tier> eligible = new ArrayList<>(3);
        List<String> notices = new ArrayList<>(2);
        boolean probe = false;
        boolean lastResortRemote = false;

        for (Tier tier : operation.tiers()) {
            if (tier == Tier.HEURISTIC) {
                if (heuristicPermitted(operation)) {
                    eligible.add(tier);
                }
                continue;
            }
            String skip = skipReason(operation, tier);
            if (skip == null) {
                eligible.add(tier);
                continue;
            }
            boolean demotedByWindow =
                    skip.equals(REMOTE_SUCCESS_RATE_LOW) || skip.equals(REMOTE_LATENCY_HIGH);
            if (tier == Tier.REMOTE
                    && demotedByWindow
                    && operation.operation().readOnlyHint()
                    && random.getAsDouble() < properties.probeTrafficShare()) {
                eligible.add(tier);
                probe = true;
                continue;
            }
            lastResortRemote = tier == Tier.REMOTE && demotedByWindow;
            notices.add(skip);
        }

        int limit = 1 + properties.maxFallbackAttempts();
        List<Tier> attempts =
                new ArrayList<>(eligible.size() > limit ? eligible.subList(0, limit) : eligible);
        if (lastResortRemote) {
            if (attempts.size() == limit) {
                attempts.remove(limit - 1);
            }
            attempts.add(Tier.REMOTE);
        }
        return new Plan(attempts, notices, probe);
    }

    /** Why a non-heuristic tier is skipped now, or null when it is eligible (AR-4). */
    private String skipReason(TieredOperation operation, Tier tier) {
        if (tier == Tier.LOCAL) {
            if (flags.isOn(FeatureFlags.FAIL_FAST)) {
                return FAIL_FAST;
            }
            if (!flags.isOn(FeatureFlags.localFlag(operation))) {
                return "LOCAL_FLAG_OFF";
            }
            return windowVerdicts.get(operation).get(tier);
        }
        if (!flags.isOn(FeatureFlags.remoteFlag(operation))) {
            return REMOTE_FLAG_OFF;
        }
        if (breakers.circuit(operation.circuitName()).isBlocking()) {
            return REMOTE_CIRCUIT_OPEN;
        }
        return windowVerdicts.get(operation).get(tier);
    }

    /**
     * Whether the remote tier is skipped now for a reason a probe can change: its circuit or its
     * window. A remote tier switched off by its flag is not probed.
     */
    public boolean remoteDemoted(TieredOperation operation) {
        String reason = skipReason(operation, Tier.REMOTE);
        return reason != null && !reason.equals(REMOTE_FLAG_OFF);
    }

    /** Whether the heuristic tier may answer: AR-9 {@code allow-fallback} and the insights rule. */
    public boolean heuristicPermitted(TieredOperation operation) {
        if (!flags.isOn(FeatureFlags.ALLOW_FALLBACK)) {
            return false;
        }
        return !(operation == TieredOperation.INSIGHTS
                && flags.isOn(FeatureFlags.REQUIRE_REMOTE_FOR_INSIGHTS));
    }

    /**
     * Recomputes the window verdicts from the statistics (AR-8). Runs in the background every
     * {@code healthSampleSeconds} and after each admin reset; requests only read the result.
     */
    public void refresh() {
        for (TieredOperation operation : TieredOperation.values()) {
            Map<Tier, String> verdicts = new EnumMap<>(Tier.class);
            for (Tier tier : operation.tiers()) {
                if (tier == Tier.HEURISTIC) {
                    continue;
                }
                TierStatistics.Snapshot window = statistics.snapshot(operation, tier);
                if (window.samples() < properties.minSamples()) {
                    continue;
                }
                if (window.successRate() < properties.minSuccessRate()) {
                    verdicts.put(tier, REMOTE_SUCCESS_RATE_LOW);
                } else if (window.p95LatencyMs() > properties.maxP95LatencyMs()) {
                    verdicts.put(tier, REMOTE_LATENCY_HIGH);
                }
            }
            Map<Tier, String> target = windowVerdicts.get(operation);
            target.keySet().retainAll(verdicts.keySet());
            target.putAll(verdicts);
        }
    }

    /**
     * Seconds until the earliest {@code nextAttemptAt} among the operation's circuits, or the
     * configured default when no circuit names a time (AR-12); always 1 to 300.
     */
    public int retryAfterSeconds(TieredOperation operation) {
        Instant next = breakers.circuit(operation.circuitName()).nextAttemptAt();
        if (next == null) {
            return properties.unknownRetryAfterSeconds();
        }
        long seconds = (Duration.between(clock.instant(), next).toMillis() + 999) / 1000;
        return (int) Math.max(1, Math.min(300, seconds));
    }

    private boolean eligibleForGauge(TieredOperation operation, Tier tier) {
        if (tier == Tier.HEURISTIC) {
            return heuristicPermitted(operation);
        }
        return skipReason(operation, tier) == null;
    }
}
