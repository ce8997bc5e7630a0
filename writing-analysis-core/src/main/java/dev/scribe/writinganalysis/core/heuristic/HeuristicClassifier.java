package dev.scribe.writinganalysis.core.heuristic;

import dev.scribe.writinganalysis.core.sensitivity.ElementType;
import dev.scribe.writinganalysis.core.sensitivity.LimitedScan;
import dev.scribe.writinganalysis.core.sensitivity.SensitiveElement;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityLevel;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Heuristic sensitivity classification (writing-analysis §6.2 row 2.5): fixed points per element
 * type present, so the level never depends on sentiment or on detectors this tier lacks.
 * Thread-safe.
 */
public final class HeuristicClassifier {

    private static final Map<ElementType, Integer> POINTS =
            Map.of(
                    ElementType.PERSONAL_EMAILS, 30,
                    ElementType.PERSONAL_PHONES, 30,
                    ElementType.PERSONAL_NAMES, 20,
                    ElementType.MENTAL_HEALTH, 40,
                    ElementType.SELF_HARM, 60,
                    ElementType.PERSONAL_SSN, 60,
                    ElementType.FINANCIAL_CREDIT_CARDS, 60);

    private final LimitedScan scan;

    public HeuristicClassifier(LimitedScan scan) {
        this.scan = scan;
    }

    /**
     * The heuristic classification of one text.
     *
     * @param points sum of the points of the distinct types present
     * @param sensitivityScore min(points, 100) / 100
     * @param truncated whether only the first 20,000 characters were scanned
     */
    public record Result(
            SensitivityLevel sensitivityLevel,
            BigDecimal sensitivityScore,
            int points,
            List<SensitiveElement> sensitiveElements,
            List<String> recommendations,
            String redactedContent,
            boolean truncated) {}

    public Result classify(String content) {
        LimitedScan.Result found = scan.scan(content);

        Set<ElementType> types = EnumSet.noneOf(ElementType.class);
        for (SensitiveElement element : found.elements()) {
            types.add(ElementType.fromWireName(element.type()));
        }
        int points = 0;
        for (ElementType type : types) {
            points += POINTS.getOrDefault(type, 0);
        }

        SensitivityLevel level = levelFor(points);
        if (found.truncated()) {
            level = level.atLeast(SensitivityLevel.MEDIUM);
        }
        BigDecimal score = BigDecimal.valueOf(Math.min(points, 100), 2).stripTrailingZeros();
        // The heuristic tier always asks for manual review, so the list ends with that line.
        List<String> recommendations = LimitedScan.recommendations(level, found.elements(), true);

        return new Result(
                level,
                score,
                points,
                found.elements(),
                recommendations,
                found.redactedContent(),
                found.truncated());
    }

    /** Redacts with the heuristic detectors only; used by 2.1 and 2.7 in this tier. */
    public LimitedScan.Result redact(String content) {
        return scan.scan(content);
    }

    static SensitivityLevel levelFor(int points) {
        if (points >= 60) {
            return SensitivityLevel.HIGH;
        }
        if (points >= 40) {
            return SensitivityLevel.MEDIUM;
        }
        if (points >= 20) {
            return SensitivityLevel.LOW;
        }
        return SensitivityLevel.NONE;
    }
}
