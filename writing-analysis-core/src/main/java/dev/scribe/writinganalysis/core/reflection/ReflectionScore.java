package dev.scribe.writinganalysis.core.reflection;

import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import java.util.List;

/** The scored reflection: overall score, dimensions, feedback and the access level it implies. */
public record ReflectionScore(
        int overall,
        Dimensions dimensions,
        List<String> feedback,
        AccessLevel level,
        List<String> nextLevelRequirements) {

    public ReflectionScore {
        feedback = List.copyOf(feedback);
        nextLevelRequirements = List.copyOf(nextLevelRequirements);
    }
}
