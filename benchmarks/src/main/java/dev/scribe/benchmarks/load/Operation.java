package dev.scribe.benchmarks.load;

import java.util.Locale;

/** The writing-analysis operations in the benchmark mix, with their HTTP paths. */
public enum Operation {
    PATTERNS("/api/writing-analysis/patterns"),
    SENSITIVITY("/api/writing-analysis/sensitivity"),
    REFLECTION("/api/writing-analysis/reflections/evaluate");

    private final String path;

    Operation(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** Returns the lower-case name used in options and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
