package dev.scribe.writinganalysis.core.text;

import java.util.Arrays;

/**
 * The maximal runs of token characters of a normalised text, in order. Every whole-word match
 * starts at the start of such a run, because a match may not be preceded by a token character.
 */
record WordRuns(int[] starts, int[] ends, int size) {

    /** Collects runs while the tokenizer scans the text. */
    static final class Builder {
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private int size;

        void add(int start, int end) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        WordRuns build() {
            return new WordRuns(starts, ends, size);
        }
    }
}
