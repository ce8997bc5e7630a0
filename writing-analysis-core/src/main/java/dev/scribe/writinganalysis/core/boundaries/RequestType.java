package dev.scribe.writinganalysis.core.boundaries;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kind of help a student requests from the AI assistant. */
public enum RequestType {
    ASSISTANCE,
    FEEDBACK,
    EXPLANATION,
    ANSWER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestType fromWireName(String name) {
        for (RequestType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown request type: " + name);
    }
}
