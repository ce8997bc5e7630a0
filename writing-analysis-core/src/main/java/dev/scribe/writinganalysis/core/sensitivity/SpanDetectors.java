package dev.scribe.writinganalysis.core.sensitivity;

import static dev.scribe.writinganalysis.core.text.TextChars.isAsciiDigit;

import dev.scribe.writinganalysis.core.text.TextChars;
import java.util.List;
import java.util.Set;

/**
 * Hand-written detectors for the pattern-shaped element types. Each one visits only its candidate
 * positions from a {@link ScanIndex} and reports leftmost, non-overlapping matches in the way a
 * regular-expression {@code find()} loop would, while running in time linear in the text length.
 *
 * <p>A digit here is an ASCII digit; "digit-bounded" means that neither the character before the
 * match nor the one after it is an ASCII digit.
 */
final class SpanDetectors {

    private static final Set<String> STREET_SUFFIXES =
            Set.of(
                    "street",
                    "st",
                    "avenue",
                    "ave",
                    "road",
                    "rd",
                    "lane",
                    "ln",
                    "drive",
                    "dr",
                    "court",
                    "ct",
                    "boulevard",
                    "blvd");

    private SpanDetectors() {}

    /**
     * Detects {@code ddd-dd-dddd} with area not 000, 666 or 9xx, group not 00 and serial not 0000.
     */
    static void ssn(String s, ScanIndex index, List<Candidate> out) {
        for (int r = 0; r < index.digitRunStarts.size(); r++) {
            int start = index.digitRunStarts.get(r);
            int runEnd = index.digitRunEnds.get(r);
            if (runEnd - start != 3
                    || !isDigits(s, runEnd + 1, 2)
                    || charAt(s, runEnd) != '-'
                    || charAt(s, runEnd + 3) != '-'
                    || !isDigits(s, runEnd + 4, 4)
                    || isAsciiDigit(charAt(s, runEnd + 8))) {
                continue;
            }

            String area = s.substring(start, start + 3);
            String group = s.substring(runEnd + 1, runEnd + 3);
            String serial = s.substring(runEnd + 4, runEnd + 8);
            boolean valid =
                    !area.equals("000")
                            && !area.equals("666")
                            && area.charAt(0) != '9'
                            && !group.equals("00")
                            && !serial.equals("0000");
            if (valid) {
                out.add(new Candidate(ElementType.PERSONAL_SSN, start, runEnd + 8));
            }
        }
    }

    /**
     * Detects card numbers: 13 to 19 unseparated digits, or groups 4-4-4-4 with an optional fifth
     * group of 1 to 3 digits, or 4-6-5, joined by one repeated separator (space or {@code -}). The
     * digits must pass the Luhn check.
     */
    static void creditCards(String s, ScanIndex index, List<Candidate> out) {
        int lastEnd = 0;
        for (int r = 0; r < index.digitRunStarts.size(); r++) {
            int start = index.digitRunStarts.get(r);
            if (start < lastEnd) {
                continue;
            }

            int end = matchCard(s, start, index.digitRunEnds.get(r));
            if (end > 0) {
                out.add(new Candidate(ElementType.FINANCIAL_CREDIT_CARDS, start, end));
                lastEnd = end;
            }
        }
    }

    private static int matchCard(String s, int start, int runEnd) {
        int length = runEnd - start;
        if (length >= 13 && length <= 19) {
            return luhn(s, start, runEnd) ? runEnd : -1;
        }
        if (length != 4) {
            return -1;
        }

        char separator = charAt(s, runEnd);
        if (separator != ' ' && separator != '-') {
            return -1;
        }

        int afterFour = groupsEnd(s, runEnd, separator, 4, 4, 4);
        if (afterFour > 0) {
            if (charAt(s, afterFour) == separator) {
                int extra = digitRunLength(s, afterFour + 1);
                int withExtra = afterFour + 1 + extra;
                if (extra >= 1 && extra <= 3 && luhn(s, start, withExtra)) {
                    return withExtra;
                }
            }
            if (!isAsciiDigit(charAt(s, afterFour)) && luhn(s, start, afterFour)) {
                return afterFour;
            }
        }

        int afterAmex = groupsEnd(s, runEnd, separator, 6, 5);
        if (afterAmex > 0 && !isAsciiDigit(charAt(s, afterAmex)) && luhn(s, start, afterAmex)) {
            return afterAmex;
        }
        return -1;
    }

    /**
     * Matches {@code separator + digits} for each group length from {@code from}; returns the end
     * of the last group or -1. Inner groups must be followed by the separator, so they are exact.
     */
    private static int groupsEnd(String s, int from, char separator, int... lengths) {
        int pos = from;
        for (int k = 0; k < lengths.length; k++) {
            if (charAt(s, pos) != separator || !isDigits(s, pos + 1, lengths[k])) {
                return -1;
            }
            pos += 1 + lengths[k];
            if (k < lengths.length - 1 && charAt(s, pos) != separator) {
                return -1;
            }
        }
        return pos;
    }

    /** Runs the Luhn check over the ASCII digits of {@code [start, end)}, skipping separators. */
    static boolean luhn(String s, int start, int end) {
        int sum = 0;
        boolean doubled = false;
        for (int i = end - 1; i >= start; i--) {
            char c = s.charAt(i);
            if (!isAsciiDigit(c)) {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** Detects bank accounts: a run of 8 to 17 digits without separators. */
    static void bankAccounts(ScanIndex index, List<Candidate> out) {
        for (int r = 0; r < index.digitRunStarts.size(); r++) {
            int start = index.digitRunStarts.get(r);
            int length = index.digitRunEnds.get(r) - start;
            if (length >= 8 && length <= 17) {
                out.add(new Candidate(ElementType.FINANCIAL_BANK_ACCOUNTS, start, start + length));
            }
        }
    }

    /**
     * Detects e-mail addresses: a local part of letters, digits and {@code . _ % + -}, {@code @},
     * one or more labels of letters, digits and {@code -} each followed by {@code .}, then a
     * top-level label of at least two letters. Like a greedy regular expression, the longest chain
     * of labels wins and the top-level label takes every letter that follows.
     */
    static void emails(String s, ScanIndex index, List<Candidate> out) {
        int lastEnd = 0;
        for (int a = 0; a < index.atSigns.size(); a++) {
            int at = index.atSigns.get(a);
            if (at < lastEnd) {
                continue;
            }

            int start = at;
            while (start > lastEnd) {
                int cp = s.codePointBefore(start);
                if (!isEmailLocalChar(cp)) {
                    break;
                }
                start -= Character.charCount(cp);
            }
            if (start == at) {
                continue;
            }

            int end = matchDomain(s, at + 1);
            if (end > 0) {
                out.add(new Candidate(ElementType.PERSONAL_EMAILS, start, end));
                lastEnd = end;
            }
        }
    }

    private static int matchDomain(String s, int from) {
        int pos = from;
        int best = -1;
        while (true) {
            int labelEnd = skipLabelChars(s, pos);
            if (labelEnd == pos || charAt(s, labelEnd) != '.') {
                break;
            }
            int topLevelStart = labelEnd + 1;
            int topLevelEnd = skipLetters(s, topLevelStart);
            if (letterCount(s, topLevelStart, topLevelEnd) >= 2) {
                best = topLevelEnd;
            }
            pos = topLevelStart;
        }
        return best;
    }

    private static boolean isEmailLocalChar(int cp) {
        return Character.isLetter(cp)
                || isAsciiDigit(cp)
                || cp == '.'
                || cp == '_'
                || cp == '%'
                || cp == '+'
                || cp == '-';
    }

    private static int skipLabelChars(String s, int from) {
        int i = from;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!(Character.isLetter(cp) || isAsciiDigit(cp) || cp == '-')) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static int skipLetters(String s, int from) {
        int i = from;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!Character.isLetter(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static int letterCount(String s, int start, int end) {
        return s.codePointCount(start, end);
    }

    /**
     * Detects phone numbers, tried in this order at each candidate start: (a) optional {@code +1}
     * or {@code 1} with an optional separator, area code {@code [2-9]dd} in parentheses (optionally
     * followed by a space) or followed by {@code - . space}, exchange {@code [2-9]dd}, separator,
     * line {@code dddd}; (b) {@code [2-9]dd} {@code -} or {@code .} {@code dddd}; (c) {@code +} and
     * 8 to 15 digits starting 1 to 9. All digit-bounded.
     */
    static void phones(String s, ScanIndex index, List<Candidate> out) {
        int lastEnd = 0;
        for (int k = 0; k < index.phoneStarts.size(); k++) {
            int start = index.phoneStarts.get(k);
            if (start < lastEnd || isAsciiDigit(charAt(s, start - 1))) {
                continue;
            }

            int end = matchNorthAmericanPhone(s, start);
            if (end < 0) {
                end = matchSevenDigitPhone(s, start);
            }
            if (end < 0) {
                end = matchInternationalPhone(s, start);
            }
            if (end > 0) {
                out.add(new Candidate(ElementType.PERSONAL_PHONES, start, end));
                lastEnd = end;
            }
        }
    }

    private static int matchNorthAmericanPhone(String s, int start) {
        int prefixEnd = -1;
        if (charAt(s, start) == '+' && charAt(s, start + 1) == '1') {
            prefixEnd = start + 2;
        } else if (charAt(s, start) == '1') {
            prefixEnd = start + 1;
        }

        if (prefixEnd > 0) {
            if (isPhoneSeparator(charAt(s, prefixEnd))) {
                int end = matchAreaAndNumber(s, prefixEnd + 1);
                if (end > 0) {
                    return end;
                }
            }
            int end = matchAreaAndNumber(s, prefixEnd);
            if (end > 0) {
                return end;
            }
        }
        return matchAreaAndNumber(s, start);
    }

    private static int matchAreaAndNumber(String s, int pos) {
        if (charAt(s, pos) == '(') {
            if (!isLeadingDigit(charAt(s, pos + 1))
                    || !isDigits(s, pos + 2, 2)
                    || charAt(s, pos + 4) != ')') {
                return -1;
            }
            int afterParen = pos + 5;
            if (charAt(s, afterParen) == ' ') {
                int end = matchExchangeAndLine(s, afterParen + 1);
                if (end > 0) {
                    return end;
                }
            }
            return matchExchangeAndLine(s, afterParen);
        }

        if (isLeadingDigit(charAt(s, pos))
                && isDigits(s, pos + 1, 2)
                && isPhoneSeparator(charAt(s, pos + 3))) {
            return matchExchangeAndLine(s, pos + 4);
        }
        return -1;
    }

    private static int matchExchangeAndLine(String s, int pos) {
        if (isLeadingDigit(charAt(s, pos))
                && isDigits(s, pos + 1, 2)
                && isPhoneSeparator(charAt(s, pos + 3))
                && isDigits(s, pos + 4, 4)
                && !isAsciiDigit(charAt(s, pos + 8))) {
            return pos + 8;
        }
        return -1;
    }

    private static int matchSevenDigitPhone(String s, int start) {
        char separator = charAt(s, start + 3);
        if (isLeadingDigit(charAt(s, start))
                && isDigits(s, start + 1, 2)
                && (separator == '-' || separator == '.')
                && isDigits(s, start + 4, 4)
                && !isAsciiDigit(charAt(s, start + 8))) {
            return start + 8;
        }
        return -1;
    }

    private static int matchInternationalPhone(String s, int start) {
        if (charAt(s, start) != '+') {
            return -1;
        }
        char first = charAt(s, start + 1);
        if (first < '1' || first > '9') {
            return -1;
        }
        int digits = digitRunLength(s, start + 1);
        return digits >= 8 && digits <= 15 ? start + 1 + digits : -1;
    }

    private static boolean isPhoneSeparator(char c) {
        return c == '-' || c == '.' || c == ' ';
    }

    private static boolean isLeadingDigit(char c) {
        return c >= '2' && c <= '9';
    }

    /**
     * Detects street addresses, whole-word: 1 to 5 digits, white space, one or two words of
     * letters, white space and a street suffix (case-insensitive). Two words are tried before one,
     * as a greedy regular expression would.
     */
    static void addresses(String s, ScanIndex index, List<Candidate> out) {
        int lastEnd = 0;
        for (int r = 0; r < index.digitRunStarts.size(); r++) {
            int start = index.digitRunStarts.get(r);
            int runEnd = index.digitRunEnds.get(r);
            if (start < lastEnd
                    || runEnd - start > 5
                    || TextChars.tokenCharBefore(s, start)
                    || TextChars.tokenCharAt(s, runEnd)) {
                continue;
            }

            int end = matchStreet(s, runEnd);
            if (end > 0) {
                out.add(new Candidate(ElementType.PERSONAL_ADDRESSES, start, end));
                lastEnd = end;
            }
        }
    }

    private static int matchStreet(String s, int afterNumber) {
        int firstWordStart = skipWhitespace(s, afterNumber);
        if (firstWordStart == afterNumber) {
            return -1;
        }
        int firstWordEnd = skipLetters(s, firstWordStart);
        if (firstWordEnd == firstWordStart) {
            return -1;
        }
        int secondWordStart = skipWhitespace(s, firstWordEnd);
        if (secondWordStart == firstWordEnd) {
            return -1;
        }
        int secondWordEnd = skipLetters(s, secondWordStart);
        if (secondWordEnd == secondWordStart) {
            return -1;
        }

        int thirdWordStart = skipWhitespace(s, secondWordEnd);
        if (thirdWordStart > secondWordEnd) {
            int thirdWordEnd = skipLetters(s, thirdWordStart);
            if (isStreetSuffix(s, thirdWordStart, thirdWordEnd)) {
                return thirdWordEnd;
            }
        }
        return isStreetSuffix(s, secondWordStart, secondWordEnd) ? secondWordEnd : -1;
    }

    private static boolean isStreetSuffix(String s, int start, int end) {
        return end > start
                && end - start <= 9
                && !TextChars.tokenCharAt(s, end)
                && STREET_SUFFIXES.contains(TextChars.lowerSimple(s.substring(start, end)));
    }

    private static int skipWhitespace(String s, int from) {
        int i = from;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!TextChars.isWhitespace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /**
     * Detects personal names: runs of 2 to 4 name words joined by exactly one space, none a
     * stopword. A longer run is cut from the left into pieces of four and a final piece of one word
     * is dropped. A name word is an upper-case letter and one or more lower-case letters,
     * optionally {@code -} and another such part, not preceded by a token character or apostrophe
     * and not followed by a token character.
     */
    static void names(String s, ScanIndex index, Set<String> stopwords, List<Candidate> out) {
        int chainEnd = 0;
        int[] runStarts = new int[4];
        int[] runEnds = new int[4];
        for (int k = 0; k < index.nameStarts.size(); k++) {
            int start = index.nameStarts.get(k);
            if (start < chainEnd) {
                continue;
            }
            int wordEnd = matchNameWord(s, start);
            if (wordEnd < 0) {
                continue;
            }

            // Walk the chain of name words joined by single spaces; stopwords split it into runs.
            int runLength = 0;
            int wordStart = start;
            while (true) {
                if (stopwords.contains(s.substring(wordStart, wordEnd))) {
                    emitNamePiece(runStarts, runEnds, runLength, out);
                    runLength = 0;
                } else {
                    if (runLength == 4) {
                        emitNamePiece(runStarts, runEnds, runLength, out);
                        runLength = 0;
                    }
                    runStarts[runLength] = wordStart;
                    runEnds[runLength] = wordEnd;
                    runLength++;
                }
                chainEnd = wordEnd;

                if (charAt(s, wordEnd) != ' ') {
                    break;
                }
                int nextEnd = matchNameWord(s, wordEnd + 1);
                if (nextEnd < 0) {
                    break;
                }
                wordStart = wordEnd + 1;
                wordEnd = nextEnd;
            }
            emitNamePiece(runStarts, runEnds, runLength, out);
        }
    }

    private static void emitNamePiece(int[] starts, int[] ends, int length, List<Candidate> out) {
        if (length >= 2) {
            out.add(new Candidate(ElementType.PERSONAL_NAMES, starts[0], ends[length - 1]));
        }
    }

    /** Returns the end of the name word at {@code start}, or -1 if there is none. */
    private static int matchNameWord(String s, int start) {
        int cp = TextChars.codePointAt(s, start);
        if (cp < 0 || Character.getType(cp) != Character.UPPERCASE_LETTER) {
            return -1;
        }
        int cpBefore = TextChars.codePointBefore(s, start);
        if (cpBefore >= 0 && (TextChars.isTokenChar(cpBefore) || cpBefore == '\'')) {
            return -1;
        }

        int firstPartEnd = skipNamePart(s, start);
        if (firstPartEnd < 0) {
            return -1;
        }
        if (charAt(s, firstPartEnd) == '-') {
            int secondPartEnd = skipNamePart(s, firstPartEnd + 1);
            if (secondPartEnd > 0 && !TextChars.tokenCharAt(s, secondPartEnd)) {
                return secondPartEnd;
            }
        }
        return TextChars.tokenCharAt(s, firstPartEnd) ? -1 : firstPartEnd;
    }

    /** Matches one upper-case letter and one or more lower-case letters; returns the end or -1. */
    private static int skipNamePart(String s, int start) {
        int cp = TextChars.codePointAt(s, start);
        if (cp < 0 || Character.getType(cp) != Character.UPPERCASE_LETTER) {
            return -1;
        }
        int i = start + Character.charCount(cp);
        int lowerStart = i;
        while (i < s.length()) {
            int next = s.codePointAt(i);
            if (Character.getType(next) != Character.LOWERCASE_LETTER) {
                break;
            }
            i += Character.charCount(next);
        }
        return i > lowerStart ? i : -1;
    }

    /**
     * {@code $}, {@code €} or {@code £}, digits, optional {@code ,ddd} groups, optional {@code
     * .dd}.
     */
    static void currency(String s, ScanIndex index, List<Candidate> out) {
        for (int k = 0; k < index.currencySigns.size(); k++) {
            int start = index.currencySigns.get(k);
            int digits = digitRunLength(s, start + 1);
            if (digits == 0) {
                continue;
            }

            int end = start + 1 + digits;
            while (charAt(s, end) == ',' && isDigits(s, end + 1, 3)) {
                end += 4;
            }
            if (charAt(s, end) == '.' && isDigits(s, end + 1, 2)) {
                end += 3;
            }
            out.add(new Candidate(ElementType.FINANCIAL_CURRENCY, start, end));
        }
    }

    private static int digitRunLength(String s, int from) {
        int i = from;
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static boolean isDigits(String s, int from, int count) {
        if (from < 0 || from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns the character at {@code index}, or 0 outside the string. */
    private static char charAt(String s, int index) {
        return index >= 0 && index < s.length() ? s.charAt(index) : 0;
    }
}
