package dev.scribe.writinganalysis.core.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Insight windows: each ends at the request time (exclusive) and is cut into equal buckets whose
 * starts are inclusive.
 */
public enum Timeframe {
    DAY(Duration.ofDays(1), 6),
    WEEK(Duration.ofDays(7), 7),
    MONTH(Duration.ofDays(30), 5),
    SEMESTER(Duration.ofDays(120), 12);

    private final Duration length;
    private final int buckets;

    Timeframe(Duration length, int buckets) {
        this.length = length;
        this.buckets = buckets;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Timeframe parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public Duration length() {
        return length;
    }

    /** Number of buckets B. */
    public int buckets() {
        return buckets;
    }

    /** Inclusive start of the window that ends at {@code end}. */
    public Instant start(Instant end) {
        return end.minus(length);
    }

    /** Bucket index of {@code at} in the window ending at {@code end}, or -1 outside the window. */
    public int bucketOf(Instant at, Instant end) {
        Instant start = start(end);
        if (at.isBefore(start) || !at.isBefore(end)) {
            return -1;
        }
        long bucketMillis = length.toMillis() / buckets;
        return (int) (Duration.between(start, at).toMillis() / bucketMillis);
    }
}
