package dev.scribe.benchmarks;

import dev.scribe.gateway.config.AdaptiveProperties;
import dev.scribe.gateway.config.ResilienceProperties;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.FeatureFlags;
import dev.scribe.gateway.service.TierRouter;
import dev.scribe.gateway.service.TierStatistics;
import dev.scribe.platform.web.Tier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the tier router's per-request decision (platform AR-5), which must stay under 0.1 ms. The
 * decision reads flags, the breaker state and the cached window verdicts; the windows hold their
 * full 100 samples, as on a busy gateway. Three states are measured: a healthy remote tier, a
 * remote tier demoted by its window, and an open circuit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TierRouterBenchmark {

    private TierRouter healthy;
    private TierRouter demoted;
    private TierRouter open;

    @Setup(Level.Trial)
    public void buildRouters() {
        healthy = router(false, false);
        demoted = router(true, false);
        open = router(false, true);
    }

    private static TierRouter router(boolean failingWindow, boolean openCircuit) {
        Clock clock = Clock.systemUTC();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CircuitBreakers breakers =
                new CircuitBreakers(
                        new ResilienceProperties(Map.of(), List.of("writing-analysis")),
                        clock,
                        meters);
        TierStatistics statistics = new TierStatistics(clock, Duration.ofMinutes(5), 100);
        for (int i = 0; i < 100; i++) {
            statistics.record(
                    TieredOperation.SENSITIVITY,
                    Tier.REMOTE,
                    !failingWindow,
                    Duration.ofMillis(20 + i));
        }
        if (openCircuit) {
            breakers.circuit(TieredOperation.SENSITIVITY.circuitName()).forceOpen();
        }
        TierRouter router =
                new TierRouter(
                        new FeatureFlags(),
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
                                "benchmark-pseudonym-key"),
                        clock,
                        // No live probe share, so every invocation takes the same branch.
                        () -> 0.99,
                        meters);
        router.refresh();
        return router;
    }

    @Benchmark
    public TierRouter.Plan healthyRemote() {
        return healthy.plan(TieredOperation.SENSITIVITY);
    }

    @Benchmark
    public TierRouter.Plan demotedRemote() {
        return demoted.plan(TieredOperation.SENSITIVITY);
    }

    @Benchmark
    public TierRouter.Plan openCircuit() {
        return open.plan(TieredOperation.SENSITIVITY);
    }
}
