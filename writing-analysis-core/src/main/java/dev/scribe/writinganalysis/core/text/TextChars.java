package dev.scribe.writinganalysis.core.text;

import java.util.Locale;

/** Character classes shared by every analyser, defined on Unicode code points. */
public final class TextChars {

    private static final boolean[] ASCII_TOKEN_CHARS = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_TOKEN_CHARS[c] =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '_';
        }
    }

    private TextChars() {}

    /**
     * Tests the Unicode {@code White_Space} property. {@link Character#isWhitespace} is not used
     * because it excludes the no-break spaces (U+00A0, U+2007, U+202F) and includes the information
     * separators U+001C..U+001F, which are not white space in Unicode.
     */
    public static boolean isWhitespace(int cp) {
        if (cp <= 0x20) {
            return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D);
        }
        if (cp < 0x85) {
            return false;
        }
        return cp == 0x85
                || cp == 0xA0
                || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0x202F
                || cp == 0x205F
                || cp == 0x3000;
    }

    /** Tests for a token character: a letter, a combining mark, a decimal digit or {@code _}. */
    public static boolean isTokenChar(int cp) {
        if (cp < 0x80) {
            return cp >= 0 && ASCII_TOKEN_CHARS[cp];
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    public static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Tests {@code \p{L}}. */
    public static boolean isLetter(int cp) {
        return Character.isLetter(cp);
    }

    /** Returns the code point at {@code index}, or -1 outside the string. */
    public static int codePointAt(CharSequence s, int index) {
        if (index < 0 || index >= s.length()) {
            return -1;
        }
        return Character.codePointAt(s, index);
    }

    /** Returns the code point that ends just before {@code index}, or -1 at the start. */
    public static int codePointBefore(CharSequence s, int index) {
        if (index <= 0 || index > s.length()) {
            return -1;
        }
        return Character.codePointBefore(s, index);
    }

    /** Tests whether a token character ends just before {@code index}. */
    public static boolean tokenCharBefore(CharSequence s, int index) {
        int cp = codePointBefore(s, index);
        return cp >= 0 && isTokenChar(cp);
    }

    /** Tests whether a token character starts at {@code index}. */
    public static boolean tokenCharAt(CharSequence s, int index) {
        int cp = codePointAt(s, index);
        return cp >= 0 && isTokenChar(cp);
    }

    /** Lower-cases with the Unicode mappings, independent of the default locale. */
    public static String lower(String s) {
        // Fast path for ASCII, the common case: the result equals toLowerCase(Locale.ROOT).
        int firstUpper = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.toLowerCase(Locale.ROOT);
            }
            if (firstUpper < 0 && c >= 'A' && c <= 'Z') {
                firstUpper = i;
            }
        }
        if (firstUpper < 0) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (int i = firstUpper; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /**
     * Lower-cases one code point at a time with the simple Unicode mapping, so the result has one
     * code point for each input code point. Phrase matching uses this form so that text offsets and
     * phrase characters stay aligned.
     */
    public static String lowerSimple(CharSequence s) {
        StringBuilder out = null;
        int i = 0;
        while (i < s.length()) {
            int cp = Character.codePointAt(s, i);
            int lower = Character.toLowerCase(cp);
            if (lower != cp && out == null) {
                out = new StringBuilder(s.length());
                out.append(s, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(lower);
            }
            i += Character.charCount(cp);
        }
        return out == null ? s.toString() : out.toString();
    }
}
