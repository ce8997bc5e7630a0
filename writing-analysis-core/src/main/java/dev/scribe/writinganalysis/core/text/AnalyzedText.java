package dev.scribe.writinganalysis.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A text prepared for analysis: normalised once, tokenised once, and cut into sentences, paragraphs
 * and lines on first use.
 *
 * <p>Normalisation maps the typographic apostrophe U+2019 to {@code '} and a lone CR to LF, one
 * code unit for one code unit, so every offset into {@link #normalized()} is also an offset into
 * {@link #original()}. In a CR LF pair the LF is the line break and the CR stays as white space.
 * Instances are immutable. The lazily computed pieces are immutable lists written to volatile
 * fields, and computing one twice gives the same result, so instances are safe to share between
 * threads.
 */
public final class AnalyzedText {

    private final String original;
    private final String normalized;
    private final List<Token> tokens;
    private final int[] tokenStarts;
    private final int[] tokenEnds;
    private final WordRuns wordRuns;
    private volatile Derived derived;
    private volatile List<Span> sentences;
    private volatile List<Span> paragraphs;
    private volatile List<Span> lines;

    private AnalyzedText(String original) {
        this.original = original;
        this.normalized = normalize(original);
        WordRuns.Builder runs = new WordRuns.Builder();
        this.tokens = tokenize(normalized, runs);
        this.wordRuns = runs.build();
        this.tokenStarts = new int[tokens.size()];
        this.tokenEnds = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            tokenStarts[i] = tokens.get(i).start();
            tokenEnds[i] = tokens.get(i).end();
        }
    }

    public static AnalyzedText of(String original) {
        if (original == null) {
            throw new IllegalArgumentException("Text is null");
        }
        return new AnalyzedText(original);
    }

    public String original() {
        return original;
    }

    public String normalized() {
        return normalized;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public int tokenCount() {
        return tokens.size();
    }

    /** Returns the number of tokens that lie entirely inside {@code span}. */
    public int tokensIn(Span span) {
        int first = lowerBound(tokenStarts, span.start());
        int afterLast = lowerBound(tokenEnds, span.end() + 1);
        return Math.max(0, afterLast - first);
    }

    /** Returns the sentences: pieces between runs of {@code . ! ?} that contain a token. */
    public List<Span> sentences() {
        List<Span> result = sentences;
        if (result == null) {
            result = keepPiecesWithTokens(cutSentences(normalized));
            sentences = result;
        }
        return result;
    }

    /** Returns the paragraphs: pieces between blank-line separators that contain a token. */
    public List<Span> paragraphs() {
        List<Span> result = paragraphs;
        if (result == null) {
            result = keepPiecesWithTokens(cutParagraphs(normalized));
            paragraphs = result;
        }
        return result;
    }

    /** Returns every line, including empty ones: the text between consecutive LF characters. */
    public List<Span> lines() {
        List<Span> result = lines;
        if (result == null) {
            List<Span> pieces = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < normalized.length(); i++) {
                if (normalized.charAt(i) == '\n') {
                    pieces.add(new Span(start, i));
                    start = i + 1;
                }
            }
            pieces.add(new Span(start, normalized.length()));
            result = Collections.unmodifiableList(pieces);
            lines = result;
        }
        return result;
    }

    /** Returns the index of the line that contains {@code offset}. */
    public int lineIndexOf(int offset) {
        List<Span> all = lines();
        int lo = 0;
        int hi = all.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (all.get(mid).start() <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private record Derived(Object key, Object value) {}

    /**
     * Returns the value computed for {@code key}, computing it on first use. One value is kept, so
     * two analysers that need the same derived value of this text (for example its sentiment with
     * one lexicon) compute it once. The key is compared by identity; the value must be immutable.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<AnalyzedText, T> compute) {
        Derived current = derived;
        if (current != null && current.key() == key) {
            return (T) current.value();
        }
        T value = compute.apply(this);
        derived = new Derived(key, value);
        return value;
    }

    /** Returns the maximal runs of token characters, where every whole-word match starts. */
    WordRuns wordRuns() {
        return wordRuns;
    }

    static String normalize(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char replacement = c;
            if (c == '\u2019') {
                replacement = '\'';
            } else if (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) {
                replacement = '\n';
            }
            if (replacement != c) {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = replacement;
            }
        }
        return chars == null ? s : new String(chars);
    }

    /** Splits tokens and records each run of token characters, apostrophe-joined ones included. */
    private static List<Token> tokenize(String s, WordRuns.Builder runs) {
        List<Token> result = new ArrayList<>(Math.max(4, s.length() / 5));
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int cp = c < 0x80 ? c : s.codePointAt(i);
            if (!TextChars.isTokenChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }

            int start = i;
            i = skipTokenChars(s, i);
            runs.add(start, i);
            while (i + 1 < n && s.charAt(i) == '\'' && TextChars.tokenCharAt(s, i + 1)) {
                int runStart = i + 1;
                i = skipTokenChars(s, runStart);
                runs.add(runStart, i);
            }
            String text = s.substring(start, i);
            result.add(new Token(text, TextChars.lower(text), start, i));
        }
        return Collections.unmodifiableList(result);
    }

    static int skipTokenChars(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (!TextChars.isTokenChar(c)) {
                    break;
                }
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            if (!TextChars.isTokenChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static List<Span> cutSentences(String s) {
        List<Span> pieces = new ArrayList<>();
        int n = s.length();
        int pieceStart = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                i++;
                continue;
            }

            int runStart = i;
            while (i < n && (s.charAt(i) == '.' || s.charAt(i) == '!' || s.charAt(i) == '?')) {
                i++;
            }
            boolean decimalPoint =
                    i - runStart == 1
                            && c == '.'
                            && isDecimalDigit(TextChars.codePointBefore(s, runStart))
                            && isDecimalDigit(TextChars.codePointAt(s, i));
            if (!decimalPoint) {
                pieces.add(new Span(pieceStart, runStart));
                pieceStart = i;
            }
        }
        pieces.add(new Span(pieceStart, n));
        return pieces;
    }

    private static boolean isDecimalDigit(int cp) {
        return cp >= 0 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /**
     * Cuts at every line break followed by optional spaces or tabs and another line break. A CR LF
     * pair counts as one line break here, which is the only place where CR LF is normalised.
     */
    private static List<Span> cutParagraphs(String s) {
        List<Span> pieces = new ArrayList<>();
        int n = s.length();
        int pieceStart = 0;
        int i = 0;
        while (i < n) {
            if (s.charAt(i) != '\n') {
                i++;
                continue;
            }

            int separatorStart = (i > 0 && s.charAt(i - 1) == '\r') ? i - 1 : i;
            int afterLastBreak = -1;
            int j = i + 1;
            while (true) {
                int k = j;
                while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
                    k++;
                }
                if (k < n && s.charAt(k) == '\n') {
                    afterLastBreak = k + 1;
                } else if (k + 1 < n && s.charAt(k) == '\r' && s.charAt(k + 1) == '\n') {
                    afterLastBreak = k + 2;
                } else {
                    break;
                }
                j = afterLastBreak;
            }

            if (afterLastBreak < 0) {
                i++;
                continue;
            }
            pieces.add(new Span(pieceStart, separatorStart));
            pieceStart = afterLastBreak;
            i = afterLastBreak;
        }
        pieces.add(new Span(pieceStart, n));
        return pieces;
    }

    private List<Span> keepPiecesWithTokens(List<Span> pieces) {
        List<Span> kept = new ArrayList<>(pieces.size());
        for (Span piece : pieces) {
            if (tokensIn(piece) > 0) {
                kept.add(piece);
            }
        }
        return Collections.unmodifiableList(kept);
    }

    /** Returns the first index whose value is at least {@code key}; the array is ascending. */
    private static int lowerBound(int[] sorted, int key) {
        int index = Arrays.binarySearch(sorted, key);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1] == key) {
            index--;
        }
        return index;
    }
}
