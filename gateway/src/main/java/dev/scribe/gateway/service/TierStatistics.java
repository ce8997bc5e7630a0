package dev.scribe.gateway.service;

import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.platform.web.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Call windows per (operation, tier) of platform AR-3: the calls of the last {@code window}, capped
 * at the newest {@code cap}, with success rate, p95 latency and sample count. Recording and reading
 * are O(cap) at worst and lock one window only.
 */
public class TierStatistics {

    private final Clock clock;
    private final Duration window;
    private final int cap;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();

    public TierStatistics(Clock clock, Duration window, int cap) {
        this.clock = clock;
        this.window = window;
        this.cap = cap;
    }

    private record Key(TieredOperation operation, Tier tier) {}

    private record Sample(Instant at, boolean success, long latencyMs) {}

    /**
     * The figures of one window.
     *
     * @param p95LatencyMs nearest-rank 95th percentile, 0 without samples
     */
    public record Snapshot(int samples, double successRate, long p95LatencyMs) {

        static final Snapshot EMPTY = new Snapshot(0, 1.0, 0);
    }

    public void record(TieredOperation operation, Tier tier, boolean success, Duration latency) {
        Window w = windows.computeIfAbsent(new Key(operation, tier), k -> new Window());
        synchronized (w) {
            w.samples.addLast(new Sample(clock.instant(), success, latency.toMillis()));
            while (w.samples.size() > cap) {
                w.samples.removeFirst();
            }
        }
    }

    public Snapshot snapshot(TieredOperation operation, Tier tier) {
        Window w = windows.get(new Key(operation, tier));
        if (w == null) {
            return Snapshot.EMPTY;
        }
        Instant oldest = clock.instant().minus(window);
        synchronized (w) {
            while (!w.samples.isEmpty() && w.samples.peekFirst().at().isBefore(oldest)) {
                w.samples.removeFirst();
            }
            int n = w.samples.size();
            if (n == 0) {
                return Snapshot.EMPTY;
            }
            long[] latencies = new long[n];
            int successes = 0;
            int i = 0;
            for (Sample sample : w.samples) {
                latencies[i++] = sample.latencyMs();
                successes += sample.success() ? 1 : 0;
            }
            Arrays.sort(latencies);
            int rank = (int) Math.ceil(0.95 * n);
            return new Snapshot(n, (double) successes / n, latencies[Math.max(0, rank - 1)]);
        }
    }

    /** Clears every window ({@code POST /admin/adaptive/reset-metrics}, AR-7). */
    public void clear() {
        windows.clear();
    }

    private static final class Window {
        private final Deque<Sample> samples = new ArrayDeque<>();
    }
}
