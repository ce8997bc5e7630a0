package dev.scribe.cli.analyze;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals of one {@code analyze} run: texts and requests, texts per sensitivity level, failed
 * requests per error code, and the latencies of the requests that got a response.
 */
public final class BatchSummary {

    /** Sensitivity levels in the order the summary lists them, most sensitive first. */
    static final List<String> LEVELS = List.of("high", "medium", "low", "none");

    private int texts;
    private int textsWithFailures;
    private int requests;
    private final Map<String, Integer> textsByLevel = new LinkedHashMap<>();
    private final Map<String, Integer> failuresByCode = new TreeMap<>();
    private final List<Long> latenciesNanos = new ArrayList<>();

    public BatchSummary() {
        for (String level : LEVELS) {
            textsByLevel.put(level, 0);
        }
    }

    /** Adds one text's report and the results of its requests. */
    public void add(TextReport report, List<ApiResult> results) {
        texts++;
        if (report.failed()) {
            textsWithFailures++;
        }
        if (report.sensitivityLevel() != null) {
            textsByLevel.merge(report.sensitivityLevel(), 1, Integer::sum);
        }

        for (ApiResult result : results) {
            requests++;
            if (!result.succeeded()) {
                failuresByCode.merge(result.errorCode(), 1, Integer::sum);
            }
            if (result.answered()) {
                latenciesNanos.add(result.latencyNanos());
            }
        }
    }

    public int texts() {
        return texts;
    }

    public int textsWithFailures() {
        return textsWithFailures;
    }

    public int requests() {
        return requests;
    }

    public int failedRequests() {
        return failuresByCode.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Texts per sensitivity level: high, medium, low, none, then any other level returned. */
    public Map<String, Integer> textsByLevel() {
        return Collections.unmodifiableMap(textsByLevel);
    }

    /** Failed requests per error code, in code order. */
    public Map<String, Integer> failuresByCode() {
        return Collections.unmodifiableMap(failuresByCode);
    }

    public int latencyCount() {
        return latenciesNanos.size();
    }

    /**
     * Returns the latency percentile in nanoseconds by the nearest-rank method, or -1 when no
     * request got a response.
     *
     * @param percentile a value in (0, 100]
     */
    public long latencyPercentileNanos(double percentile) {
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        if (latenciesNanos.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(latenciesNanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
