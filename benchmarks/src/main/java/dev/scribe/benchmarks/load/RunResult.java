package dev.scribe.benchmarks.load;

import java.util.Map;

/**
 * The measured part of one load run (warm-up excluded).
 *
 * @param label run name, e.g. {@code gateway-200}
 * @param target {@code gateway} or {@code direct}
 * @param mode {@code open} (fixed rate) or {@code closed} (fixed concurrency)
 * @param targetRate intended requests per second of an open run, 0 for a closed run
 * @param concurrency requests kept in flight by a closed run, 0 for an open run
 * @param durationSeconds length of the measured window
 * @param sent requests sent in the measured window
 * @param succeeded requests that received a 2xx response
 * @param errors failed requests by kind ({@code HTTP_<status>}, timeouts, connection errors)
 * @param achievedRate successful requests per second over the measured window
 * @param overall latency of successful requests; open runs measure from the intended send time
 * @param byOperation latency per operation
 */
public record RunResult(
        String label,
        String target,
        String mode,
        int targetRate,
        int concurrency,
        int durationSeconds,
        long sent,
        long succeeded,
        Map<String, Long> errors,
        double achievedRate,
        LatencySummary overall,
        Map<String, LatencySummary> byOperation) {

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
