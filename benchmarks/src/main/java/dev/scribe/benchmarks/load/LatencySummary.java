package dev.scribe.benchmarks.load;

import org.HdrHistogram.Histogram;

/** Count and latency percentiles of one histogram, in milliseconds. */
public record LatencySummary(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    /** Summarises a histogram whose values are microseconds. */
    public static LatencySummary of(Histogram microseconds) {
        if (microseconds.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                microseconds.getTotalCount(),
                microseconds.getValueAtPercentile(50) / 1000.0,
                microseconds.getValueAtPercentile(95) / 1000.0,
                microseconds.getValueAtPercentile(99) / 1000.0,
                microseconds.getMaxValue() / 1000.0);
    }
}
