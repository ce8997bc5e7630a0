package dev.scribe.writinganalysis.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The maximal runs of token characters of a normalised text. Every whole-word match starts at the
 * start of such a run, because a match may not be preceded by a token character.
 */
record WordRuns(int[] starts, int[] ends, String[] lowerKeys) {

    static WordRuns of(String s) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!TextChars.isTokenChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            i = AnalyzedText.skipTokenChars(s, i);
            spans.add(new int[] {start, i});
        }

        int[] starts = new int[spans.size()];
        int[] ends = new int[spans.size()];
        String[] keys = new String[spans.size()];
        for (int k = 0; k < spans.size(); k++) {
            starts[k] = spans.get(k)[0];
            ends[k] = spans.get(k)[1];
            keys[k] = TextChars.lowerSimple(s.substring(starts[k], ends[k]));
        }
        return new WordRuns(starts, ends, keys);
    }

    int size() {
        return starts.length;
    }
}
