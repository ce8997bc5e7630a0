package dev.scribe.writinganalysis.core.patterns;

/** The optional sections of a pattern analysis; the style section is always computed. */
public record PatternOptions(
        boolean includeStructure, boolean includeSentiment, boolean includeComplexity) {

    /** Returns the options used when a request has no options object: every section. */
    public static PatternOptions all() {
        return new PatternOptions(true, true, true);
    }
}
