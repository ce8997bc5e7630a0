package dev.scribe.cli.analyze;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The figures {@code analyze} reports for one text. It contains counts, levels and element types
 * only, never the text or the text of a sensitive element. A field is null when its request failed
 * or the text was not a reflection.
 */
public record TextReport(
        String id,
        Integer words,
        Integer sentences,
        String readability,
        String sentiment,
        String sensitivityLevel,
        List<String> elementTypes,
        Integer reflectionScore,
        String accessLevel,
        List<RequestFailure> failures) {

    public TextReport {
        elementTypes = elementTypes == null ? null : List.copyOf(elementTypes);
        failures = List.copyOf(failures);
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    /**
     * Builds the report of one text from its results; {@code reflection} is null when the text is
     * not a reflection.
     */
    public static TextReport from(
            String id, ApiResult patterns, ApiResult sensitivity, ApiResult reflection) {
        List<RequestFailure> failures = new ArrayList<>();
        for (ApiResult result : new ApiResult[] {patterns, sensitivity, reflection}) {
            if (result != null && !result.succeeded()) {
                failures.add(RequestFailure.of(result));
            }
        }

        JsonNode structure = patterns.data().path("patterns").path("structure");
        JsonNode sentiment = patterns.data().path("patterns").path("sentiment");
        JsonNode complexity = patterns.data().path("patterns").path("complexity");
        JsonNode classification = sensitivity.data();
        JsonNode quality = reflection == null ? null : reflection.data();

        return new TextReport(
                id,
                integerOrNull(structure.path("wordCount")),
                integerOrNull(structure.path("sentenceCount")),
                stringOrNull(complexity.path("readabilityLevel")),
                stringOrNull(sentiment.path("sentimentLabel")),
                stringOrNull(classification.path("sensitivityLevel")),
                sensitivity.succeeded() ? elementTypes(classification) : null,
                quality == null ? null : integerOrNull(quality.path("quality").path("overall")),
                quality == null
                        ? null
                        : stringOrNull(quality.path("progressiveAccess").path("currentLevel")),
                failures);
    }

    /** Returns the distinct element types in the order the classifier lists the elements. */
    private static List<String> elementTypes(JsonNode classification) {
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode element : classification.path("sensitiveElements")) {
            JsonNode type = element.path("type");
            if (type.isString()) {
                types.add(type.stringValue());
            }
        }
        return new ArrayList<>(types);
    }

    private static Integer integerOrNull(JsonNode node) {
        return node.isIntegralNumber() ? node.asInt() : null;
    }

    private static String stringOrNull(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }
}
