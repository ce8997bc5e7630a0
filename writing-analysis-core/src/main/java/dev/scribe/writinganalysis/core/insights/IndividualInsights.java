package dev.scribe.writinganalysis.core.insights;

import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.progress.ProgressMath;
import dev.scribe.writinganalysis.core.text.Rational;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Exact insights for one student over a window; no noise is added to a student's own data. */
public final class IndividualInsights {

    static final String LOW_REFLECTION_QUALITY =
            "Spend more time on reflections: explain why and how your writing changed.";
    static final String SHORT_SESSIONS =
            "Plan longer, focused writing sessions of at least 30 minutes.";
    static final String FALLING_WORDS =
            "Your words per session are falling; set a small daily writing goal.";

    private static final Rational QUALITY_THRESHOLD = Rational.of(70);
    private static final Rational SESSION_MINUTES_THRESHOLD = Rational.of(30);

    private IndividualInsights() {}

    /** Insights over the sessions and reflections of the window ending at {@code end}. */
    public static InsightsAnswer compute(
            List<WritingSession> sessions,
            List<ReflectionRecord> reflections,
            Timeframe timeframe,
            Instant end) {
        long totalWords = 0;
        long totalTime = 0;
        List<List<Integer>> wordsByBucket = buckets(timeframe);
        for (WritingSession session : sessions) {
            totalWords += session.wordCount();
            totalTime += session.timeSpent();
            wordsByBucket
                    .get(timeframe.bucketOf(session.updatedAt(), end))
                    .add(session.wordCount());
        }
        long qualitySum = 0;
        List<List<Integer>> qualityByBucket = buckets(timeframe);
        for (ReflectionRecord reflection : reflections) {
            qualitySum += reflection.overall();
            qualityByBucket
                    .get(timeframe.bucketOf(reflection.createdAt(), end))
                    .add(reflection.overall());
        }

        Rational sessionMinutes =
                sessions.isEmpty() ? null : Rational.of(totalTime, sessions.size() * 60L);
        Rational quality =
                reflections.isEmpty() ? null : Rational.of(qualitySum, reflections.size());

        ObjectNode insights = Json.object();
        insights.put(
                "summary",
                sessions.size()
                        + " writing sessions and "
                        + reflections.size()
                        + " reflections in the last "
                        + timeframe.code()
                        + ".");
        ObjectNode metrics = insights.putObject("keyMetrics");
        metrics.put("totalSessions", sessions.size());
        metrics.put("totalWords", totalWords);
        metrics.put("totalTime", totalTime);
        metrics.set("averageSessionLength", oneDecimal(sessionMinutes));
        metrics.set(
                "averageWordsPerMinute",
                Json.decimal(ProgressMath.wordsPerMinute(totalWords, totalTime)));
        metrics.put("reflectionCount", reflections.size());
        metrics.set("reflectionQuality", oneDecimal(quality));

        ArrayNode trends = insights.putArray("trends");
        String wordsTrend = addTrend(trends, "words_per_session", wordsByBucket);
        addTrend(trends, "reflection_quality", qualityByBucket);
        int dataPoints = sessions.size() + reflections.size();
        insights.put("dataPointsIncluded", dataPoints);

        List<String> recommendations = new ArrayList<>();
        if (quality != null && quality.compareTo(QUALITY_THRESHOLD) < 0) {
            recommendations.add(LOW_REFLECTION_QUALITY);
        }
        if (sessionMinutes != null && sessionMinutes.compareTo(SESSION_MINUTES_THRESHOLD) < 0) {
            recommendations.add(SHORT_SESSIONS);
        }
        if (wordsTrend.equals("decreasing")) {
            recommendations.add(FALLING_WORDS);
        }
        return new InsightsAnswer(insights, recommendations, dataPoints, dataPoints);
    }

    private static List<List<Integer>> buckets(Timeframe timeframe) {
        List<List<Integer>> buckets = new ArrayList<>();
        for (int i = 0; i < timeframe.buckets(); i++) {
            buckets.add(new ArrayList<>());
        }
        return buckets;
    }

    /** Adds a trend of per-bucket means, leaving empty buckets out, and returns its label. */
    private static String addTrend(ArrayNode trends, String metric, List<List<Integer>> buckets) {
        List<Rational> means = new ArrayList<>();
        for (List<Integer> bucket : buckets) {
            if (bucket.isEmpty()) {
                continue;
            }
            long sum = 0;
            for (int value : bucket) {
                sum += value;
            }
            means.add(Rational.of(sum, bucket.size()));
        }
        String label = TrendLabel.ofExact(means);
        ObjectNode trend = trends.addObject();
        trend.put("metric", metric);
        ArrayNode values = trend.putArray("values");
        for (Rational mean : means) {
            values.add(mean.round(1));
        }
        trend.put("trend", label);
        return label;
    }

    private static tools.jackson.databind.JsonNode oneDecimal(Rational value) {
        if (value == null) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.nullNode();
        }
        BigDecimal rounded = value.round(1);
        return Json.decimal(rounded);
    }
}
