package dev.scribe.writinganalysis.core.validation;

import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

/** Safe renderings of JSON values and paths for error details. */
final class JsonValues {

    /** Longer numbers are reported by their length, so a detail stays one short line. */
    private static final int MAX_SHOWN_NUMBER_LENGTH = 32;

    private JsonValues() {}

    /** JSON type name of a node. */
    static String typeOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        return "number";
    }

    /**
     * Renders a value without free text: strings become their length, arrays their size, numbers of
     * up to 32 characters and booleans themselves, longer numbers their length.
     */
    static String safe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return "length " + node.stringValue().length();
        }
        if (node.isArray()) {
            return "array of " + node.size() + " items";
        }
        if (node.isNumber()) {
            String number = node.toString();
            return number.length() <= MAX_SHOWN_NUMBER_LENGTH
                    ? number
                    : "number of " + number.length() + " characters";
        }
        if (node.isBoolean() || node.isNull()) {
            return node.toString();
        }
        return typeOf(node);
    }

    /** Schema values (limits, enums, patterns) come from our own schemas and are safe to show. */
    static String render(JsonNode schemaValue) {
        if (schemaValue == null) {
            return "";
        }
        if (schemaValue.isString()) {
            return schemaValue.stringValue();
        }
        return schemaValue.toString();
    }

    /** Dotted path such as {@code options.includeStructure} or {@code requestedData[2]}. */
    static String dottedPath(NodePath path) {
        if (path == null) {
            return "";
        }
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                result.append('[').append(index).append(']');
            } else {
                if (!result.isEmpty()) {
                    result.append('.');
                }
                result.append(element);
            }
        }
        return result.toString();
    }
}
