package dev.scribe.writinganalysis.core.boundaries;

/** One failed boundary rule: its code and the message shown to the student. */
public record Violation(String code, String message) {}
