package dev.scribe.writinganalysis.core.patterns;

/** The computed sections; a section that was not requested is null, style is always present. */
public record Patterns(
        Structure structure, SentimentSection sentiment, Complexity complexity, Style style) {}
