package dev.scribe.writinganalysis.core.text;

/**
 * A token: a maximal run of token characters, optionally continued by groups of one apostrophe and
 * more token characters. {@code text} is taken from the normalised text (so a typographic
 * apostrophe reads as {@code '}), {@code lower} is its locale-independent lower case, and the
 * offsets count UTF-16 code units.
 */
public record Token(String text, String lower, int start, int end) {

    /** Returns the token length in UTF-16 code units. */
    public int length() {
        return end - start;
    }
}
