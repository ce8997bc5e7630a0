package dev.scribe.cli.analyze;

/** The writing-analysis operations that {@code analyze} calls, with their gateway paths. */
public enum Operation {
    PATTERNS("patterns", "/api/writing-analysis/patterns"),
    SENSITIVITY("sensitivity", "/api/writing-analysis/sensitivity"),
    REFLECTION("reflection", "/api/writing-analysis/reflections/evaluate");

    private final String label;
    private final String path;

    Operation(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }
}
