package dev.scribe.writinganalysis.core.reflection;

import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.Span;
import dev.scribe.writinganalysis.core.text.TextChars;

/**
 * Finds a quoted span on one line of a normalised text (where U+2019 already reads as {@code '}).
 *
 * <p>A quoted span is two {@code "} with no {@code "} between them; or a {@code “} and the first
 * {@code ”} after it; or an opening {@code '} or {@code ‘} at the start of the text or after white
 * space or {@code (}, followed by a non-white-space character, and a later closing {@code '} that
 * follows a non-white-space character and is followed by the end of the text, white space or one of
 * {@code . , ; : ! ? )}. Each kind must enclose at least one token character, so apostrophes inside
 * words never open a span.
 */
final class QuotedSpans {

    private QuotedSpans() {}

    static boolean containsQuotedSpan(AnalyzedText text) {
        String s = text.normalized();
        for (Span line : text.lines()) {
            if (hasDoubleQuoted(s, line) || hasCurlyQuoted(s, line) || hasSingleQuoted(s, line)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDoubleQuoted(String s, Span line) {
        int open = -1;
        boolean tokenSinceOpen = false;
        for (int i = line.start(); i < line.end(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                if (open >= 0 && tokenSinceOpen) {
                    return true;
                }
                open = i;
                tokenSinceOpen = false;
            } else if (open >= 0 && TextChars.tokenCharAt(s, i)) {
                tokenSinceOpen = true;
            }
        }
        return false;
    }

    private static boolean hasCurlyQuoted(String s, Span line) {
        boolean open = false;
        boolean tokenSinceOpen = false;
        for (int i = line.start(); i < line.end(); i++) {
            char c = s.charAt(i);
            if (c == '\u201C' && !open) {
                open = true;
                tokenSinceOpen = false;
            } else if (c == '\u201D' && open) {
                if (tokenSinceOpen) {
                    return true;
                }
                open = false;
            } else if (open && TextChars.tokenCharAt(s, i)) {
                tokenSinceOpen = true;
            }
        }
        return false;
    }

    /**
     * Looks for a valid closer after the earliest valid opener of the line, with a token character
     * in between. The earliest opener gives the widest range, so later openers cannot add a span.
     */
    private static boolean hasSingleQuoted(String s, Span line) {
        int open = -1;
        boolean tokenSinceOpen = false;
        for (int i = line.start(); i < line.end(); i++) {
            char c = s.charAt(i);
            if (open >= 0 && c == '\'' && tokenSinceOpen && isCloser(s, i)) {
                return true;
            }
            if (open < 0 && (c == '\'' || c == '\u2018') && isOpener(s, i)) {
                open = i;
                continue;
            }
            if (open >= 0 && TextChars.tokenCharAt(s, i)) {
                tokenSinceOpen = true;
            }
        }
        return false;
    }

    private static boolean isOpener(String s, int i) {
        int before = TextChars.codePointBefore(s, i);
        boolean openingPosition = before < 0 || TextChars.isWhitespace(before) || before == '(';
        int after = TextChars.codePointAt(s, i + 1);
        return openingPosition && after >= 0 && !TextChars.isWhitespace(after);
    }

    private static boolean isCloser(String s, int i) {
        int before = TextChars.codePointBefore(s, i);
        if (before < 0 || TextChars.isWhitespace(before)) {
            return false;
        }
        int after = TextChars.codePointAt(s, i + 1);
        return after < 0 || TextChars.isWhitespace(after) || ".,;:!?)".indexOf(after) >= 0;
    }
}
