package dev.scribe.writinganalysis.core.text;

/** A half-open range {@code [start, end)} of UTF-16 code units. */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Invalid span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }
}
