package dev.scribe.platform.web;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The provider that produced a response: the owning service, the in-process engine or heuristics.
 */
public enum Tier {
    REMOTE("remote"),
    LOCAL("local"),
    HEURISTIC("heuristic");

    private final String wireName;

    Tier(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Tier fromWireName(String name) {
        for (Tier tier : values()) {
            if (tier.wireName.equals(name)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("Unknown tier: " + name);
    }
}
