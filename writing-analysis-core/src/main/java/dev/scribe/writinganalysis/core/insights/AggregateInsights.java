package dev.scribe.writinganalysis.core.insights;

import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.NoiseSource;
import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.port.WritingSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Differentially private class and cohort insights.
 *
 * <p>A query makes m releases (class 5, cohort 6) and spends epsilon on them in equal parts, so
 * each release gets Laplace noise of scale b = sensitivity / (epsilon / m). Neighbouring data sets
 * differ in one student's data, and the roster size n is public. The sensitivities are 1 for active
 * students, W/n for words per student (per-student words clipped at W) and 100 for the sum of
 * per-student mean reflection quality. They are 1 for students with a reflection, 2 for each
 * quality-band count and B for each participation bucket, because one student can be active in
 * every bucket. Rates, means and shares are derived from released values only, which costs no extra
 * budget.
 */
public final class AggregateInsights {

    static final String LOW_ENGAGEMENT =
            "Engagement is below 80 %: check in with students who have not written recently.";
    static final String LOW_CLASS_QUALITY =
            "Model a strong reflection in class and share the reflection criteria.";
    static final String LOW_COMPLETION =
            "Fewer than 90 % of students completed a reflection; review deadlines and reminders.";
    static final String NEEDS_SUPPORT =
            "More than 10 % of students need support with reflections; consider targeted workshops.";

    private static final int SCALE = 20;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final NoiseSource noise;
    private final BigDecimal epsilon;
    private final int clipWords;

    public AggregateInsights(NoiseSource noise, BigDecimal epsilon, int clipWords) {
        this.noise = noise;
        this.epsilon = epsilon;
        this.clipWords = clipWords;
    }

    /**
     * Computes the released insights of a population.
     *
     * @param cohort true for cohort scope (adds the quality distribution), false for class
     * @param targetId course or cohort id, used in the summary
     * @param population the de-duplicated students of the group; n is its size
     */
    public InsightsAnswer compute(
            boolean cohort,
            String targetId,
            List<String> population,
            List<WritingSession> sessions,
            List<ReflectionRecord> reflections,
            Timeframe timeframe,
            Instant end) {
        int n = population.size();
        int releases = cohort ? 6 : 5;
        // Noise scales are computed as sensitivity * m / epsilon, which stays exact for the
        // usual parameters (epsilon / m itself may not be a finite decimal).
        BigDecimal releaseCount = BigDecimal.valueOf(releases);
        Set<String> members = new HashSet<>(population);

        Map<String, Long> wordsByStudent = new HashMap<>();
        List<Set<String>> activeByBucket = new ArrayList<>();
        for (int i = 0; i < timeframe.buckets(); i++) {
            activeByBucket.add(new HashSet<>());
        }
        Set<String> active = new HashSet<>();
        for (WritingSession session : sessions) {
            if (!members.contains(session.subjectId())) {
                continue;
            }
            active.add(session.subjectId());
            wordsByStudent.merge(session.subjectId(), (long) session.wordCount(), Long::sum);
            int bucket = timeframe.bucketOf(session.updatedAt(), end);
            if (bucket >= 0) {
                activeByBucket.get(bucket).add(session.subjectId());
            }
        }
        Map<String, long[]> qualityByStudent = new HashMap<>();
        for (ReflectionRecord reflection : reflections) {
            if (!members.contains(reflection.subjectId())) {
                continue;
            }
            active.add(reflection.subjectId());
            long[] sumAndCount =
                    qualityByStudent.computeIfAbsent(reflection.subjectId(), k -> new long[2]);
            sumAndCount[0] += reflection.overall();
            sumAndCount[1]++;
            int bucket = timeframe.bucketOf(reflection.createdAt(), end);
            if (bucket >= 0) {
                activeByBucket.get(bucket).add(reflection.subjectId());
            }
        }

        // Release 1: active students (sensitivity 1).
        long releasedActive =
                roundCount(noised(BigDecimal.valueOf(active.size()), BigDecimal.ONE, releaseCount));
        BigDecimal engagementRate =
                clamp(ratio(BigDecimal.valueOf(releasedActive), n), BigDecimal.ZERO, BigDecimal.ONE)
                        .setScale(3, RoundingMode.HALF_UP);

        // Release 2: mean clipped words per student (sensitivity W / n).
        long clippedWords = 0;
        for (long words : wordsByStudent.values()) {
            clippedWords += Math.min(words, clipWords);
        }
        BigDecimal wordsSensitivity = ratio(BigDecimal.valueOf(clipWords), n);
        BigDecimal averageWords =
                clamp(
                                noised(
                                        ratio(BigDecimal.valueOf(clippedWords), n),
                                        wordsSensitivity,
                                        releaseCount),
                                BigDecimal.ZERO,
                                BigDecimal.valueOf(clipWords))
                        .setScale(1, RoundingMode.HALF_UP);

        // Releases 3 and 4: sum of per-student mean quality (sensitivity 100) and the number of
        // students with a reflection (sensitivity 1).
        BigDecimal qualitySum = BigDecimal.ZERO;
        List<BigDecimal> studentMeans = new ArrayList<>();
        for (long[] sumAndCount : qualityByStudent.values()) {
            BigDecimal mean =
                    BigDecimal.valueOf(sumAndCount[0])
                            .divide(
                                    BigDecimal.valueOf(sumAndCount[1]),
                                    SCALE,
                                    RoundingMode.HALF_UP);
            studentMeans.add(mean);
            qualitySum = qualitySum.add(mean);
        }
        BigDecimal releasedQualitySum =
                clamp(noised(qualitySum, HUNDRED, releaseCount), BigDecimal.ZERO, null);
        BigDecimal releasedReflectors =
                clamp(
                        noised(
                                BigDecimal.valueOf(qualityByStudent.size()),
                                BigDecimal.ONE,
                                releaseCount),
                        BigDecimal.ZERO,
                        null);
        BigDecimal averageQuality = null;
        if (releasedReflectors.compareTo(BigDecimal.ONE) >= 0) {
            averageQuality =
                    clamp(
                                    releasedQualitySum.divide(
                                            releasedReflectors.max(BigDecimal.ONE),
                                            SCALE,
                                            RoundingMode.HALF_UP),
                                    BigDecimal.ZERO,
                                    HUNDRED)
                            .setScale(1, RoundingMode.HALF_UP);
        }
        BigDecimal completionRate =
                clamp(ratio(releasedReflectors, n), BigDecimal.ZERO, BigDecimal.ONE)
                        .setScale(3, RoundingMode.HALF_UP);

        ObjectNode insights = Json.object();
        insights.put(
                "summary",
                "Aggregated, privacy-protected activity for "
                        + (cohort ? "cohort " : "course ")
                        + targetId
                        + " in the last "
                        + timeframe.code()
                        + ".");
        ObjectNode metrics = insights.putObject(("keyMetrics"));
        metrics.put(cohort ? "cohortSize" : "classSize", n);
        metrics.put("activeStudents", releasedActive);
        metrics.set("engagementRate", Json.decimal(engagementRate));
        metrics.set("averageWordsPerStudent", Json.decimal(averageWords));
        metrics.set(
                "averageReflectionQuality",
                averageQuality == null
                        ? JsonNodeFactory.instance.nullNode()
                        : Json.decimal(averageQuality));
        metrics.set("completionRate", Json.decimal(completionRate));

        // Release 5 (cohort only): the histogram of quality bands (sensitivity 2 per band).
        BigDecimal needsImprovementShare = null;
        if (cohort) {
            needsImprovementShare = addDistribution(metrics, studentMeans, releaseCount);
        }

        // Last release: participation per bucket (sensitivity B per bucket).
        BigDecimal bucketSensitivity = BigDecimal.valueOf(timeframe.buckets());
        List<BigDecimal> participation = new ArrayList<>();
        for (Set<String> bucket : activeByBucket) {
            participation.add(
                    BigDecimal.valueOf(
                            roundCount(
                                    noised(
                                            BigDecimal.valueOf(bucket.size()),
                                            bucketSensitivity,
                                            releaseCount))));
        }
        ArrayNode trends = insights.putArray("trends");
        ObjectNode trend = trends.addObject();
        trend.put("metric", cohort ? "cohort_participation" : "class_participation");
        ArrayNode values = trend.putArray("values");
        List<BigDecimal> nonEmpty = new ArrayList<>();
        for (BigDecimal value : participation) {
            values.add(value.longValueExact());
            if (value.signum() > 0) {
                nonEmpty.add(value);
            }
        }
        trend.put("trend", TrendLabel.ofDecimals(nonEmpty));
        insights.put("dataPointsIncluded", releasedActive);

        List<String> recommendations = new ArrayList<>();
        if (!cohort) {
            if (engagementRate.compareTo(new BigDecimal("0.8")) < 0) {
                recommendations.add(LOW_ENGAGEMENT);
            }
            if (averageQuality != null && averageQuality.compareTo(BigDecimal.valueOf(70)) < 0) {
                recommendations.add(LOW_CLASS_QUALITY);
            }
        } else {
            if (completionRate.compareTo(new BigDecimal("0.9")) < 0) {
                recommendations.add(LOW_COMPLETION);
            }
            if (needsImprovementShare != null
                    && needsImprovementShare.compareTo(new BigDecimal("0.1")) > 0) {
                recommendations.add(NEEDS_SUPPORT);
            }
        }
        return new InsightsAnswer(
                insights,
                recommendations,
                (int) releasedActive,
                sessions.size() + reflections.size());
    }

    /** Adds the noised quality distribution and returns the released needs-improvement share. */
    private BigDecimal addDistribution(
            ObjectNode metrics, List<BigDecimal> studentMeans, BigDecimal releaseCount) {
        long[] bands = new long[4];
        for (BigDecimal mean : studentMeans) {
            if (mean.compareTo(BigDecimal.valueOf(90)) >= 0) {
                bands[0]++;
            } else if (mean.compareTo(BigDecimal.valueOf(75)) >= 0) {
                bands[1]++;
            } else if (mean.compareTo(BigDecimal.valueOf(60)) >= 0) {
                bands[2]++;
            } else {
                bands[3]++;
            }
        }
        BigDecimal[] released = new BigDecimal[4];
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 4; i++) {
            released[i] =
                    clamp(
                            noised(
                                    BigDecimal.valueOf(bands[i]),
                                    BigDecimal.valueOf(2),
                                    releaseCount),
                            BigDecimal.ZERO,
                            null);
            total = total.add(released[i]);
        }
        String[] names = {"excellent", "good", "satisfactory", "needsImprovement"};
        ObjectNode distribution = metrics.putObject("qualityDistribution");
        BigDecimal needsImprovement = BigDecimal.ZERO.setScale(3);
        for (int i = 0; i < 4; i++) {
            BigDecimal share =
                    total.signum() == 0
                            ? BigDecimal.ZERO.setScale(3)
                            : released[i].divide(total, 3, RoundingMode.HALF_UP);
            distribution.set(names[i], Json.decimal(share));
            if (i == 3) {
                needsImprovement = share;
            }
        }
        return needsImprovement;
    }

    /** Adds Laplace noise of scale b = sensitivity / (epsilon / m) to {@code value}. */
    private BigDecimal noised(BigDecimal value, BigDecimal sensitivity, BigDecimal releases) {
        double scale =
                sensitivity
                        .multiply(releases)
                        .divide(epsilon, SCALE, RoundingMode.HALF_UP)
                        .doubleValue();
        return value.add(BigDecimal.valueOf(noise.laplace(scale)));
    }

    private static BigDecimal ratio(BigDecimal numerator, int n) {
        return numerator.divide(BigDecimal.valueOf(n), SCALE, RoundingMode.HALF_UP);
    }

    /** Clamps to [low, high]; a null bound is open. */
    private static BigDecimal clamp(BigDecimal value, BigDecimal low, BigDecimal high) {
        BigDecimal result = value;
        if (low != null && result.compareTo(low) < 0) {
            result = low;
        }
        if (high != null && result.compareTo(high) > 0) {
            result = high;
        }
        return result;
    }

    private static long roundCount(BigDecimal value) {
        return clamp(value, BigDecimal.ZERO, null)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
