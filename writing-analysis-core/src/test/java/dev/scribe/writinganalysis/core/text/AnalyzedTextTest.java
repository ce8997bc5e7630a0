package dev.scribe.writinganalysis.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzedTextTest {

    private static List<String> tokenTexts(String text) {
        return AnalyzedText.of(text).tokens().stream().map(Token::text).toList();
    }

    private static List<String> pieces(String text, List<Span> spans) {
        return spans.stream().map(s -> text.substring(s.start(), s.end()).strip()).toList();
    }

    @Test
    void contractionsAreOneToken() {
        assertThat(tokenTexts("I can't go, I'm tired"))
                .containsExactly("I", "can't", "go", "I'm", "tired");
    }

    @Test
    void trailingApostropheIsNotPartOfToken() {
        assertThat(tokenTexts("the students' work")).containsExactly("the", "students", "work");
    }

    @Test
    void hyphenAndDecimalPointSplitTokens() {
        assertThat(tokenTexts("one-sided")).containsExactly("one", "sided");
        assertThat(tokenTexts("3.5")).containsExactly("3", "5");
    }

    @Test
    void redactionPlaceholderIsOneToken() {
        List<Token> tokens = AnalyzedText.of("Hi [REDACTED_PERSONAL_NAMES]!").tokens();

        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(1).text()).isEqualTo("REDACTED_PERSONAL_NAMES");
        assertThat(tokens.get(1).start()).isEqualTo(4);
        assertThat(tokens.get(1).end()).isEqualTo(27);
    }

    @Test
    void typographicApostropheJoinsTokenButOriginalIsKept() {
        AnalyzedText text = AnalyzedText.of("I\u2019m here");

        assertThat(text.tokens().get(0).text()).isEqualTo("I'm");
        assertThat(text.tokens().get(0).lower()).isEqualTo("i'm");
        assertThat(text.original()).isEqualTo("I\u2019m here");
        assertThat(text.normalized()).isEqualTo("I'm here");
    }

    @Test
    void offsetsCountUtf16CodeUnits() {
        // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter outside the BMP: two code units.
        String s = "\uD835\uDC00bc d\u0301e 42";
        List<Token> tokens = AnalyzedText.of(s).tokens();

        assertThat(tokens).extracting(Token::start).containsExactly(0, 5, 9);
        assertThat(tokens).extracting(Token::end).containsExactly(4, 8, 11);
        assertThat(tokens.get(1).text()).isEqualTo("d\u0301e");
    }

    @Test
    void lowerCaseIgnoresDefaultLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(AnalyzedText.of("I IN").tokens())
                    .extracting(Token::lower)
                    .containsExactly("i", "in");
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void sentencesCutAtPunctuationRunsButNotDecimals() {
        String s = "Dr. Lee scored 3.5 today!!! Really?! Yes.";
        AnalyzedText text = AnalyzedText.of(s);

        assertThat(pieces(s, text.sentences()))
                .containsExactly("Dr", "Lee scored 3.5 today", "Really", "Yes");
    }

    @Test
    void sentenceWithoutTokenIsNotCounted() {
        String s = "... !? Hello. -- . World";
        AnalyzedText text = AnalyzedText.of(s);

        assertThat(pieces(s, text.sentences())).containsExactly("Hello", "World");
    }

    @Test
    void twoDotsBetweenDigitsAreACut() {
        String s = "Page 3..5 ends";

        assertThat(pieces(s, AnalyzedText.of(s).sentences())).containsExactly("Page 3", "5 ends");
    }

    @Test
    void paragraphsCutAtBlankLinesOnly() {
        String s = "One\ntwo\n\nthree\n \t \n\n four\r\n\r\nfive\r\rsix\n\n\n";
        AnalyzedText text = AnalyzedText.of(s);

        assertThat(pieces(s, text.paragraphs()))
                .containsExactly("One\ntwo", "three", "four", "five", "six");
    }

    @Test
    void paragraphSeparatorWithOtherWhitespaceIsNoCut() {
        // Only spaces and tabs may stand on a blank line; a no-break space makes it a text line.
        String s = "one\n\u00A0\ntwo";

        assertThat(AnalyzedText.of(s).paragraphs()).hasSize(1);
    }

    @Test
    void linesSplitAtLfAndLoneCr() {
        String s = "a\r\nb\rc\n\nd";
        AnalyzedText text = AnalyzedText.of(s);

        assertThat(pieces(s, text.lines())).containsExactly("a", "b", "c", "", "d");
        assertThat(text.lineIndexOf(s.indexOf('c'))).isEqualTo(2);
        assertThat(text.lineIndexOf(s.indexOf('d'))).isEqualTo(4);
    }

    @Test
    void tokensInCountsTokensInsideSpan() {
        AnalyzedText text = AnalyzedText.of("I wrote it. You read it twice.");

        assertThat(text.sentences()).extracting(text::tokensIn).containsExactly(3, 4);
        assertThat(text.tokensIn(new Span(1, 4))).isZero();
        assertThat(text.tokensIn(new Span(0, text.normalized().length()))).isEqualTo(7);
    }

    @Test
    void emptyTextHasNothing() {
        AnalyzedText text = AnalyzedText.of("");

        assertThat(text.tokenCount()).isZero();
        assertThat(text.sentences()).isEmpty();
        assertThat(text.paragraphs()).isEmpty();
        assertThat(text.lines()).hasSize(1);
    }
}
