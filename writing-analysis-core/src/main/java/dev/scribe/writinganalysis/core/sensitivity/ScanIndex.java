package dev.scribe.writinganalysis.core.sensitivity;

import dev.scribe.writinganalysis.core.text.TextChars;
import java.util.Arrays;

/**
 * Positions where a detector can start, collected in one pass over the normalised text, so each
 * detector inspects only its own candidates instead of scanning the whole text again.
 */
final class ScanIndex {

    /** Maximal runs of ASCII digits: starts and exclusive ends. */
    final IntList digitRunStarts = new IntList();

    final IntList digitRunEnds = new IntList();

    /** Starts of phone candidates: {@code +}, {@code (} and digit-run starts, ascending. */
    final IntList phoneStarts = new IntList();

    final IntList atSigns = new IntList();
    final IntList currencySigns = new IntList();

    /** Upper-case letters not preceded by a token character or an apostrophe. */
    final IntList nameStarts = new IntList();

    static ScanIndex of(String s) {
        ScanIndex index = new ScanIndex();
        int n = s.length();
        boolean previousDigit = false;
        boolean previousTokenOrApostrophe = false;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!previousDigit) {
                    index.digitRunStarts.add(i);
                    index.phoneStarts.add(i);
                }
                previousDigit = true;
                previousTokenOrApostrophe = true;
                i++;
                continue;
            }
            if (previousDigit) {
                index.digitRunEnds.add(i);
                previousDigit = false;
            }

            if (c < 0x80) {
                switch (c) {
                    case '+', '(' -> index.phoneStarts.add(i);
                    case '@' -> index.atSigns.add(i);
                    case '$' -> index.currencySigns.add(i);
                    default -> {}
                }
                if (c >= 'A' && c <= 'Z' && !previousTokenOrApostrophe) {
                    index.nameStarts.add(i);
                }
                previousTokenOrApostrophe = TextChars.isTokenChar(c) || c == '\'';
                i++;
                continue;
            }

            int cp = s.codePointAt(i);
            if (cp == '\u20AC' || cp == '\u00A3') {
                index.currencySigns.add(i);
            }
            if (!previousTokenOrApostrophe && Character.getType(cp) == Character.UPPERCASE_LETTER) {
                index.nameStarts.add(i);
            }
            previousTokenOrApostrophe = TextChars.isTokenChar(cp);
            i += Character.charCount(cp);
        }
        if (previousDigit) {
            index.digitRunEnds.add(n);
        }
        return index;
    }

    /** A growable array of ints without boxing. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }
    }
}
