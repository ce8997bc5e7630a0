package dev.scribe.writinganalysis.core.sensitivity;

/** A detector hit before overlapping hits are merged. */
record Candidate(ElementType type, int start, int end) {}
