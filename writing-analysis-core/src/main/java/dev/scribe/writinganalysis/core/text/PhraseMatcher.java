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
 * and tries only the phrases with that first word: the cost is linear in the text length times the
 * number of phrases that share one first word.
 */
public final class PhraseMatcher {

    private final Map<String, List<Phrase>> phrasesByFirstWord;
    private final List<String> phrases;

    private record Phrase(String original, String lower, int firstWordLength) {}

    private PhraseMatcher(Map<String, List<Phrase>> phrasesByFirstWord, List<String> phrases) {
        this.phrasesByFirstWord = phrasesByFirstWord;
        this.phrases = phrases;
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
        if (phrasesByFirstWord.isEmpty()) {
            return false;
        }

        String s = text.normalized();
        WordRuns runs = text.wordRuns();
        for (int k = 0; k < runs.size(); k++) {
            List<Phrase> candidates = phrasesByFirstWord.get(runs.lowerKeys()[k]);
            if (candidates == null) {
                continue;
            }
            for (Phrase phrase : candidates) {
                int end = matchRest(s, runs.ends()[k], phrase);
                if (end < 0) {
                    continue;
                }
                if (stopAtFirst) {
                    return true;
                }
                sink.add(new Match(phrase.original(), runs.starts()[k], end));
            }
        }
        return sink != null && !sink.isEmpty();
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
