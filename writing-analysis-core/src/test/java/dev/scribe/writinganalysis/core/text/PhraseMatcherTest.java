package dev.scribe.writinganalysis.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<Match> find(String text, String... phrases) {
        return PhraseMatcher.of(phrases).findAll(AnalyzedText.of(text));
    }

    @Test
    void howDoesNotMatchInsideHowever() {
        assertThat(find("However, show me.", "how")).isEmpty();
        assertThat(find("However, how?", "how")).containsExactly(new Match("how", 9, 12));
    }

    @Test
    void aimDoesNotMatchInsideClaim() {
        assertThat(find("my claim", "aim")).isEmpty();
        assertThat(find("my aim", "aim")).hasSize(1);
    }

    @Test
    void iMatchesCapitalIOfContraction() {
        assertThat(find("I'm sure", "i")).containsExactly(new Match("i", 0, 1));
        assertThat(find("I\u2019m sure", "i'm")).containsExactly(new Match("i'm", 0, 3));
    }

    @Test
    void spaceMatchesAnyRunOfWhitespace() {
        assertThat(find("hurt \u00A0\n myself", "hurt myself"))
                .containsExactly(new Match("hurt myself", 0, 14));
        assertThat(find("hurtmyself", "hurt myself")).isEmpty();
    }

    @Test
    void hyphensAndApostrophesAreLiteral() {
        assertThat(find("de-identified data", "de-identified")).hasSize(1);
        assertThat(find("de identified data", "de-identified")).isEmpty();
        assertThat(find("I CAN'T cope", "can't cope"))
                .containsExactly(new Match("can't cope", 2, 12));
    }

    @Test
    void matchMustEndAtWordBoundary() {
        assertThat(find("panic attacks", "panic attack")).isEmpty();
        assertThat(find("panic attacks", "panic attack", "panic attacks")).hasSize(1);
        assertThat(find("therapy_x", "therapy")).isEmpty();
        assertThat(find("9therapy", "therapy")).isEmpty();
    }

    @Test
    void findsEveryOccurrenceOfEveryPhrase() {
        List<Match> matches =
                find("want to hurt myself, hurt myself", "want to hurt myself", "hurt myself");

        assertThat(matches)
                .containsExactly(
                        new Match("want to hurt myself", 0, 19),
                        new Match("hurt myself", 8, 19),
                        new Match("hurt myself", 21, 32));
    }

    @Test
    void matchesAnyStopsAtFirstMatch() {
        PhraseMatcher matcher = PhraseMatcher.of("because", "what if");

        assertThat(matcher.matchesAny(AnalyzedText.of("And WHAT  IF not?"))).isTrue();
        assertThat(matcher.matchesAny(AnalyzedText.of("what is it"))).isFalse();
    }

    @Test
    void invalidPhrasesAreRejected() {
        assertThatThrownBy(() -> PhraseMatcher.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhraseMatcher.of(" x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhraseMatcher.of("a  b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhraseMatcher.of("a.b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonAsciiCharactersMatchByLowerCase() {
        // U+212A KELVIN SIGN lower-cases to an ASCII k, so it must pass the first-letter filter.
        assertThat(find("\u212Aill myself", "kill myself")).hasSize(1);
        assertThat(find("\u00C9LISE wrote", "\u00E9lise"))
                .containsExactly(new Match("\u00E9lise", 0, 5));
        assertThat(find("ELISE wrote", "\u00E9lise")).isEmpty();
    }

    @Test
    void runsStartingWithDigitsAreNotSkippedWrongly() {
        assertThat(find("a 3d model", "3d")).containsExactly(new Match("3d", 2, 4));
        assertThat(find("a 3d model", "model")).hasSize(1);
    }
}
