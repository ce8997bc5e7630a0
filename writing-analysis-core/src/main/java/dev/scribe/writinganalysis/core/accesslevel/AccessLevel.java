package dev.scribe.writinganalysis.core.accesslevel;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Progressive AI-access level, a band of the overall reflection score S: below 60 restricted, 60 to
 * 74 basic, 75 to 89 standard, 90 and above enhanced.
 */
public enum AccessLevel {
    RESTRICTED("Reach a reflection score of at least 60."),
    BASIC("Reach a reflection score of at least 75."),
    STANDARD("Reach a reflection score of at least 90."),
    ENHANCED("Keep reflecting at this standard to keep enhanced access.");

    private final String requirement;

    AccessLevel(String requirement) {
        this.requirement = requirement;
    }

    /** Returns the band of an overall reflection score. */
    public static AccessLevel forScore(int overall) {
        if (overall >= 90) {
            return ENHANCED;
        }
        if (overall >= 75) {
            return STANDARD;
        }
        if (overall >= 60) {
            return BASIC;
        }
        return RESTRICTED;
    }

    /** Returns the one-line requirement for the next level, or for keeping the top level. */
    public List<String> nextLevelRequirements() {
        return List.of(requirement);
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
