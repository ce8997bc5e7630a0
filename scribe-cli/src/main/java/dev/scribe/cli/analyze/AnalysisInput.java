package dev.scribe.cli.analyze;

/**
 * One text to analyse: its id (from the input file, never derived from the text), the text, and
 * whether it is a reflection, which adds the reflection-quality request.
 */
public record AnalysisInput(String id, String text, boolean reflection) {

    /** Leaves the text out, so that a logged or printed input never shows it. */
    @Override
    public String toString() {
        return "AnalysisInput[id="
                + id
                + ", length="
                + text.length()
                + ", reflection="
                + reflection
                + "]";
    }
}
