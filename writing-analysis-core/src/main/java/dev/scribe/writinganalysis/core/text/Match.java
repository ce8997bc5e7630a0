package dev.scribe.writinganalysis.core.text;

/** One whole-word occurrence of {@code phrase} at {@code [start, end)} of the text. */
public record Match(String phrase, int start, int end) {}
