package dev.scribe.benchmarks.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Collects the outcome of measured requests from many threads: latency histograms of successful
 * requests per operation and overall (microseconds, up to 10 minutes, 3 significant digits), and
 * failed requests by kind.
 */
public final class LoadRecorder {

    /** Error kind of a request that the generator did not send because too many were pending. */
    public static final String CLIENT_BACKLOG = "CLIENT_BACKLOG";

    public static final String TIMEOUT = "TIMEOUT";
    public static final String CONNECTION_ERROR = "CONNECTION_ERROR";

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Map<Operation, Histogram> byOperation = new EnumMap<>(Operation.class);
    private final Histogram overall = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();

    public LoadRecorder() {
        for (Operation operation : Operation.values()) {
            byOperation.put(operation, new ConcurrentHistogram(HIGHEST_MICROS, 3));
        }
    }

    public void recordSent() {
        sent.increment();
    }

    /** Records a successful request; latencies above the histogram range count as its maximum. */
    public void recordSuccess(Operation operation, long latencyNanos) {
        long micros = Math.min(Math.max(latencyNanos / 1000, 0), HIGHEST_MICROS);
        byOperation.get(operation).recordValue(micros);
        overall.recordValue(micros);
    }

    /** Records a failed request: {@code HTTP_<status>} or one of the kinds above. */
    public void recordError(String kind) {
        errors.computeIfAbsent(kind, key -> new LongAdder()).increment();
    }

    public long sent() {
        return sent.sum();
    }

    public long succeeded() {
        return overall.getTotalCount();
    }

    public Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    public LatencySummary overall() {
        return LatencySummary.of(overall);
    }

    public Map<String, LatencySummary> byOperation() {
        Map<String, LatencySummary> summaries = new TreeMap<>();
        byOperation.forEach(
                (operation, histogram) -> {
                    if (histogram.getTotalCount() > 0) {
                        summaries.put(operation.label(), LatencySummary.of(histogram));
                    }
                });
        return summaries;
    }
}
