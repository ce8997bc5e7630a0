package dev.scribe.writinganalysis.core.validation;

import dev.scribe.writinganalysis.core.access.PurposeCode;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.text.TextChars;
import tools.jackson.databind.JsonNode;

/** Checks that follow the schema: tokens in analysed text, purpose codes and option defaults. */
public final class SemanticChecks {

    private SemanticChecks() {}

    /**
     * Requires at least one token character in text that must be analysed, so no output is ever
     * computed over zero tokens.
     */
    public static void requireToken(String field, String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (TextChars.isTokenChar(codePoint)) {
                return;
            }
            i += Character.charCount(codePoint);
        }
        throw ToolException.invalid(
                field, "must contain at least one word", "length " + text.length() + ", no word");
    }

    /**
     * Normalises and looks up a declared purpose code.
     *
     * @throws ToolException {@code INVALID_ARGUMENT} with rule {@code UNKNOWN_PURPOSE}
     */
    public static PurposeCode purpose(String field, String declared) {
        return PurposeCode.parse(declared)
                .orElseThrow(
                        () ->
                                ToolException.invalid(
                                        field, "UNKNOWN_PURPOSE", "length " + declared.length()));
    }

    /**
     * Section selection of the patterns tool: when {@code options} is absent all three sections are
     * on; when present, a missing flag is off.
     */
    public static SectionOptions sections(JsonNode options) {
        if (options == null || options.isNull() || options.isMissingNode()) {
            return new SectionOptions(true, true, true, false, true);
        }
        return new SectionOptions(
                flag(options, "includeStructure"),
                flag(options, "includeSentiment"),
                flag(options, "includeComplexity"),
                flag(options, "retainContent"),
                false);
    }

    private static boolean flag(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /**
     * Selected sections of the patterns tool.
     *
     * @param defaulted true when {@code options} was absent and every section was selected
     */
    public record SectionOptions(
            boolean includeStructure,
            boolean includeSentiment,
            boolean includeComplexity,
            boolean retainContent,
            boolean defaulted) {}
}
