package dev.scribe.cli.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Formats report lines: one compact line per text, the progress line, and the closing summary.
 * Absent values print as {@code -}.
 */
public final class ReportFormatter {

    private static final String ABSENT = "-";

    private ReportFormatter() {}

    /**
     * Formats one text, for example {@code asap-1 words=312 sentences=18 readability=intermediate
     * sentiment=positive sensitivity=low elements=personal_names}, then for a reflection {@code
     * reflection=62 access=basic}, then each failed request as {@code
     * failed=patterns:503:UPSTREAM_UNAVAILABLE:<correlation id>}.
     */
    public static String formatText(TextReport report) {
        StringBuilder line = new StringBuilder(report.id());
        line.append(" words=").append(orAbsent(report.words()));
        line.append(" sentences=").append(orAbsent(report.sentences()));
        line.append(" readability=").append(orAbsent(report.readability()));
        line.append(" sentiment=").append(orAbsent(report.sentiment()));
        line.append(" sensitivity=").append(orAbsent(report.sensitivityLevel()));
        line.append(" elements=").append(formatTypes(report.elementTypes()));

        if (report.reflectionScore() != null || report.accessLevel() != null) {
            line.append(" reflection=").append(orAbsent(report.reflectionScore()));
            line.append(" access=").append(orAbsent(report.accessLevel()));
        }
        for (RequestFailure failure : report.failures()) {
            line.append(" failed=")
                    .append(failure.operation())
                    .append(':')
                    .append(failure.status())
                    .append(':')
                    .append(failure.code())
                    .append(':')
                    .append(failure.correlationId());
        }
        return line.toString();
    }

    /** Formats the progress line printed during a batch. */
    public static String formatProgress(int done, int total, int textsWithFailures) {
        return String.format(
                Locale.ROOT,
                "progress: %d/%d texts, %d with failures",
                done,
                total,
                textsWithFailures);
    }

    /** Formats the closing summary, one line per topic. */
    public static List<String> formatSummary(BatchSummary summary) {
        List<String> lines = new ArrayList<>();
        lines.add(
                String.format(
                        Locale.ROOT,
                        "summary: %d texts, %d with failures; %d requests, %d failed",
                        summary.texts(),
                        summary.textsWithFailures(),
                        summary.requests(),
                        summary.failedRequests()));
        lines.add("sensitivity levels: " + formatCounts(summary.textsByLevel()));
        lines.add(
                "failures by error code: "
                        + (summary.failuresByCode().isEmpty()
                                ? "none"
                                : formatCounts(summary.failuresByCode())));
        lines.add(formatLatency(summary));
        return lines;
    }

    private static String formatLatency(BatchSummary summary) {
        if (summary.latencyCount() == 0) {
            return "latency per request: no responses";
        }
        return String.format(
                Locale.ROOT,
                "latency per request (%d responses): p50=%.1f ms p95=%.1f ms",
                summary.latencyCount(),
                summary.latencyPercentileNanos(50) / 1e6,
                summary.latencyPercentileNanos(95) / 1e6);
    }

    private static String formatCounts(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String formatTypes(List<String> types) {
        if (types == null) {
            return ABSENT;
        }
        return types.isEmpty() ? "none" : String.join(",", types);
    }

    private static String orAbsent(Object value) {
        return value == null ? ABSENT : value.toString();
    }
}
