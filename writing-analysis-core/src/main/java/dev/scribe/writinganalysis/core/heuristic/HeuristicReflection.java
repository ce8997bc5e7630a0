package dev.scribe.writinganalysis.core.heuristic;

import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Heuristic reflection scoring (writing-analysis §6.2 row 2.2): length and three cue families. The
 * overall score is capped at 85, so the level is never {@code enhanced}; the level grants nothing
 * because only the service's re-scoring on replay is stored. Thread-safe.
 */
public final class HeuristicReflection {

    static final int OVERALL_CAP = 85;

    private static final PhraseMatcher BACKWARD =
            PhraseMatcher.of("learned", "realized", "discovered", "understood", "struggled");
    private static final PhraseMatcher FORWARD =
            PhraseMatcher.of("will", "next time", "plan", "goal", "improve");
    private static final PhraseMatcher SELF =
            PhraseMatcher.of("i", "my", "myself", "realize", "think", "feel");

    /**
     * The heuristic score. {@code specificity} is always null: the tier cannot compute it.
     *
     * @param overall min(85, points)
     */
    public record Score(
            int points,
            int overall,
            int depth,
            int selfAwareness,
            int criticalThinking,
            int growthMindset,
            Integer specificity,
            AccessLevel level,
            List<String> feedback,
            List<String> nextLevelRequirements) {}

    public Score score(String reflection) {
        AnalyzedText text = AnalyzedText.of(reflection);
        int tokens = text.tokenCount();
        boolean backward = BACKWARD.matchesAny(text);
        boolean forward = FORWARD.matchesAny(text);
        boolean self = SELF.matchesAny(text);

        int points = 0;
        if (tokens >= 50) {
            points += 25;
        }
        if (tokens >= 100) {
            points += 15;
        }
        points += backward ? 20 : 0;
        points += forward ? 20 : 0;
        points += self ? 20 : 0;
        int overall = Math.min(OVERALL_CAP, points);
        AccessLevel level = AccessLevel.forScore(overall);

        List<String> feedback = new ArrayList<>();
        if (!backward) {
            feedback.add("Say what you learned or realised.");
        }
        if (!forward) {
            feedback.add("Say what you will do next time.");
        }
        if (!self) {
            feedback.add("Write about your own thinking and feelings.");
        }
        feedback.add("Detailed feedback is temporarily limited.");

        return new Score(
                points,
                overall,
                tokens >= 100 ? 70 : 40,
                self ? 70 : 30,
                backward && forward ? 65 : 35,
                forward ? 70 : 40,
                null,
                level,
                List.copyOf(feedback),
                requirements(level));
    }

    private static List<String> requirements(AccessLevel level) {
        return switch (level) {
            case RESTRICTED ->
                    List.of(
                            "Write at least 100 words.",
                            "Say what you learned.",
                            "Name a challenge you faced.");
            case BASIC ->
                    List.of(
                            "Write at least 100 words.",
                            "Connect what you learned to what you will do next.",
                            "Reflect on your own thinking.");
            // The cap keeps the heuristic tier below enhanced; the branch exists for completeness.
            case STANDARD, ENHANCED -> List.of("Higher levels are granted by full scoring only.");
        };
    }
}
