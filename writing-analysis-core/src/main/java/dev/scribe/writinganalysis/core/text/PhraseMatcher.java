package dev.scribe.writinganalysis.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whole-word, case-insensitive matching of a fixed set of phrases.
 *
 * <p>A single space in a phrase matches one or more white-space characters of the text, {@code -}
 * and {@code '} match themselves, and every other character matches case-insensitively. A match is
 * neither preceded nor followed by a token character, so {@code how} does not match inside {@code
 * however}, while {@code i} matches the {@code I} of {@code I'm} because an apostrophe is not a
 * token character.
 *
 * <p>Phrases are indexed by their first word (their leading run of token characters). Every match
 * starts where a run of token characters starts, so the matcher looks up each run of the text once
 * and tries only the phrases with that first word. The cost is therefore linear in the text length
 * times the number of phrases that share one first word.
 */
public final class PhraseMatcher {

    private record Phrase(String original, String lower, int firstWordLength) {}

    private final List<String> phrases;

    /** Open-addressing table from a lower-case first word to the phrases that start with it. */
    private final String[] firstWords;

    private final Phrase[][] phrasesByFirstWord;
    private final int mask;
    private final int maxFirstWordLength;

    /** Bit n is set when some first word has n UTF-16 units; runs of other lengths skip hashing. */
    private final long firstWordLengths;

    /** Bit c - 'a' is set when some first word starts with the ASCII letter c. */
    private final int firstLetters;

    private PhraseMatcher(Map<String, List<Phrase>> index, List<String> phrases) {
        this.phrases = phrases;
        int capacity = Integer.highestOneBit(Math.max(4, index.size() * 4) - 1) << 1;
        this.firstWords = new String[capacity];
        this.phrasesByFirstWord = new Phrase[capacity][];
        this.mask = capacity - 1;

        int maxLength = 0;
        long lengths = 0;
        int letters = 0;
        for (Map.Entry<String, List<Phrase>> entry : index.entrySet()) {
            String word = entry.getKey();
            int slot = hashLower(word, 0, word.length()) & mask;
            while (firstWords[slot] != null) {
                slot = (slot + 1) & mask;
            }
            firstWords[slot] = word;
            phrasesByFirstWord[slot] = entry.getValue().toArray(new Phrase[0]);

            maxLength = Math.max(maxLength, word.length());
            lengths |= word.length() < 64 ? 1L << word.length() : 0;
            char first = word.charAt(0);
            letters |= first >= 'a' && first <= 'z' ? 1 << (first - 'a') : 0;
        }

        // A lower-case mapping can change the UTF-16 length of a character, so allow twice the
        // key length before skipping a run as too long.
        this.maxFirstWordLength = maxLength * 2;

        // The length filter is exact only when every first word is ASCII, because then a matching
        // text run has the same length as the word. Otherwise every length is admitted.
        boolean allAscii = index.keySet().stream().allMatch(PhraseMatcher::isAsciiWord);
        this.firstWordLengths = allAscii ? lengths : -1L;

        // Only ASCII first words that all start with a-z can reject a run by its first letter.
        boolean allStartWithLetters =
                index.keySet().stream().allMatch(w -> w.charAt(0) >= 'a' && w.charAt(0) <= 'z');
        this.firstLetters = allAscii && allStartWithLetters ? letters : -1;
    }

    private static boolean isAsciiWord(String word) {
        return word.chars().allMatch(c -> c < 0x80);
    }

    /**
     * Creates a matcher. Each phrase starts with a token character and contains only token
     * characters, single spaces, {@code -} and {@code '}; anything else is rejected with {@link
     * IllegalArgumentException}.
     */
    public static PhraseMatcher of(Collection<String> phrases) {
        Map<String, List<Phrase>> index = new HashMap<>();
        Set<String> distinct = new LinkedHashSet<>(phrases);
        for (String phrase : distinct) {
            validate(phrase);
            String lower = TextChars.lowerSimple(phrase);
            int firstWordEnd = AnalyzedText.skipTokenChars(lower, 0);
            String firstWord = lower.substring(0, firstWordEnd);
            index.computeIfAbsent(firstWord, k -> new ArrayList<>())
                    .add(new Phrase(phrase, lower, firstWordEnd));
        }
        return new PhraseMatcher(index, List.copyOf(distinct));
    }

    public static PhraseMatcher of(String... phrases) {
        return of(List.of(phrases));
    }

    public List<String> phrases() {
        return phrases;
    }

    /** Returns every match of every phrase, ordered by start offset and then by phrase order. */
    public List<Match> findAll(AnalyzedText text) {
        List<Match> matches = new ArrayList<>();
        scan(text, matches, false);
        return matches.isEmpty() ? List.of() : Collections.unmodifiableList(matches);
    }

    public boolean matchesAny(AnalyzedText text) {
        return scan(text, null, true);
    }

    /** Returns the phrases that match at least once, in no particular order. */
    public Set<String> matchedPhrases(AnalyzedText text) {
        Set<String> matched = new LinkedHashSet<>();
        for (Match match : findAll(text)) {
            matched.add(match.phrase());
        }
        return matched;
    }

    private boolean scan(AnalyzedText text, List<Match> sink, boolean stopAtFirst) {
        String s = text.normalized();
        WordRuns runs = text.wordRuns();
        int[] starts = runs.starts();
        int[] ends = runs.ends();
        boolean found = false;
        for (int k = 0; k < runs.size(); k++) {
            Phrase[] candidates = lookup(s, starts[k], ends[k]);
            if (candidates == null) {
                continue;
            }
            for (Phrase phrase : candidates) {
                int end = matchRest(s, ends[k], phrase);
                if (end < 0) {
                    continue;
                }
                if (stopAtFirst) {
                    return true;
                }
                found = true;
                sink.add(new Match(phrase.original(), starts[k], end));
            }
        }
        return found;
    }

    /**
     * Finds the phrases whose first word equals the run, case-insensitively, without allocating.
     */
    private Phrase[] lookup(String s, int start, int end) {
        int length = end - start;
        if (length > maxFirstWordLength
                || (length < 64 && (firstWordLengths >>> length & 1) == 0)) {
            return null;
        }
        char first = s.charAt(start);
        if (first < 0x80) {
            int letter = (first | 0x20) - 'a';
            boolean asciiLetter = letter >= 0 && letter < 26 && Character.isLetter(first);
            if (firstLetters != -1 && (!asciiLetter || (firstLetters >>> letter & 1) == 0)) {
                return null;
            }
        }
        int slot = hashLower(s, start, end) & mask;
        while (true) {
            String word = firstWords[slot];
            if (word == null) {
                return null;
            }
            if (equalsLower(word, s, start, end)) {
                return phrasesByFirstWord[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int lowerAt(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
        }
        return Character.toLowerCase(s.codePointAt(i));
    }

    private static int hashLower(String s, int start, int end) {
        int h = 0;
        int i = start;
        while (i < end) {
            h = 31 * h + lowerAt(s, i);
            i += Character.charCount(s.codePointAt(i));
        }
        return h ^ (h >>> 16);
    }

    private static boolean equalsLower(String word, String s, int start, int end) {
        int i = start;
        int j = 0;
        while (i < end && j < word.length()) {
            int cp = word.codePointAt(j);
            if (lowerAt(s, i) != cp) {
                return false;
            }
            i += Character.charCount(s.codePointAt(i));
            j += Character.charCount(cp);
        }
        return i == end && j == word.length();
    }

    /** Matches the phrase after its first word; returns the end offset or -1. */
    private static int matchRest(String s, int from, Phrase phrase) {
        String p = phrase.lower();
        int t = from;
        int i = phrase.firstWordLength();
        while (i < p.length()) {
            int pc = p.codePointAt(i);
            if (pc == ' ') {
                int start = t;
                while (t < s.length() && TextChars.isWhitespace(s.codePointAt(t))) {
                    t += Character.charCount(s.codePointAt(t));
                }
                if (t == start) {
                    return -1;
                }
                i++;
                continue;
            }

            if (t >= s.length()) {
                return -1;
            }
            int tc = s.codePointAt(t);
            boolean same = (pc == '-' || pc == '\'') ? tc == pc : Character.toLowerCase(tc) == pc;
            if (!same) {
                return -1;
            }
            t += Character.charCount(tc);
            i += Character.charCount(pc);
        }
        return TextChars.tokenCharAt(s, t) ? -1 : t;
    }

    private static void validate(String phrase) {
        if (phrase == null || phrase.isEmpty()) {
            throw new IllegalArgumentException("Phrase is empty");
        }
        if (!TextChars.tokenCharAt(phrase, 0)) {
            throw new IllegalArgumentException(
                    "Phrase must start with a token character: '" + phrase + "'");
        }
        char previous = 0;
        for (int i = 0; i < phrase.length(); ) {
            int cp = phrase.codePointAt(i);
            boolean allowed = TextChars.isTokenChar(cp) || cp == ' ' || cp == '-' || cp == '\'';
            if (!allowed) {
                throw new IllegalArgumentException(
                        "Phrase may contain only token characters, spaces, '-' and '\\'': '"
                                + phrase
                                + "'");
            }
            if (cp == ' ' && (previous == ' ' || i == phrase.length() - 1)) {
                throw new IllegalArgumentException(
                        "Phrase has a double or trailing space: '" + phrase + "'");
            }
            previous = (char) cp;
            i += Character.charCount(cp);
        }
    }
}
