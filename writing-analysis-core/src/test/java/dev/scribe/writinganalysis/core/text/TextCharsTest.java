package dev.scribe.writinganalysis.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextCharsTest {

    @ParameterizedTest
    @ValueSource(
            ints = {
                0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2005, 0x200A,
                0x2028, 0x2029, 0x202F, 0x205F, 0x3000
            })
    void unicodeWhiteSpaceIsWhitespace(int cp) {
        assertThat(TextChars.isWhitespace(cp)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x1C, 0x1F, 0x200B, 0xFEFF, 0x180E, 'a', '_', 0x08})
    void otherCharactersAreNotWhitespace(int cp) {
        assertThat(TextChars.isWhitespace(cp)).isFalse();
    }

    @Test
    void tokenCharactersAreLettersMarksDigitsAndUnderscore() {
        assertThat(TextChars.isTokenChar('a')).isTrue();
        assertThat(TextChars.isTokenChar('_')).isTrue();
        assertThat(TextChars.isTokenChar('7')).isTrue();
        assertThat(TextChars.isTokenChar(0x0301)).isTrue();
        assertThat(TextChars.isTokenChar(0x0663)).isTrue();
        assertThat(TextChars.isTokenChar(0x1D400)).isTrue();
        assertThat(TextChars.isTokenChar('\'')).isFalse();
        assertThat(TextChars.isTokenChar('-')).isFalse();
        assertThat(TextChars.isTokenChar(0x00B2)).isFalse();
        assertThat(TextChars.isTokenChar(0xD835)).isFalse();
    }

    @Test
    void lowerSimpleKeepsCodePointCount() {
        assertThat(TextChars.lowerSimple("\u0130X")).isEqualTo("ix");
        assertThat(TextChars.lowerSimple("abc")).isEqualTo("abc");
    }
}
