package dev.scribe.writinganalysis.core.sensitivity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The sensitivity band of a text, derived from its score and the configured thresholds. */
public enum SensitivityLevel {
    HIGH,
    MEDIUM,
    LOW,
    NONE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the more severe of the two levels. */
    public SensitivityLevel atLeast(SensitivityLevel other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
