package dev.scribe.writinganalysis.core.validation;

import dev.scribe.writinganalysis.core.api.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks numbers of {@code integer} schemas that lie outside the 64-bit {@code long} range, before
 * the schema library validates them.
 *
 * <p>json-schema-validator 3.0.9 compares an {@code integer} instance with an integral {@code
 * minimum} or {@code maximum} through {@code JsonNode.asLong()}. In Jackson 3 that call throws for
 * a floating-point node beyond the long range (for example {@code 1e19}) instead of letting the
 * library report a violation. This check compares such numbers with the schema bounds exactly, and
 * {@link #validatable} hands the library a copy in which they are null, so that the library still
 * reports every other violation. The engine reads integers as {@code long}, so a number beyond that
 * range that the schema bounds allow is rejected with the long range as the limit. Numbers too
 * large for a double (such as {@code 1e400}) parse to infinity, which the library already rejects
 * as a type violation, so they are left to it.
 */
final class LongRangeCheck {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();
    private final List<List<Object>> locations = new ArrayList<>();

    private LongRangeCheck() {}

    /** Walks instance and schema together and records every integer outside the long range. */
    static LongRangeCheck of(JsonNode schema, JsonNode instance) {
        LongRangeCheck check = new LongRangeCheck();
        check.walk(schema, instance, "", new ArrayList<>());
        return check;
    }

    /** Violations of the numbers outside the long range, possibly empty. */
    List<Violation> violations() {
        return violations;
    }

    /** Returns true if the library's errors at the dotted {@code path} are covered here. */
    boolean covers(String path) {
        return paths.contains(path);
    }

    /**
     * Returns {@code instance} itself when it contains no number outside the long range, otherwise
     * a copy in which those numbers are null.
     */
    JsonNode validatable(JsonNode instance) {
        if (locations.isEmpty()) {
            return instance;
        }

        JsonNode copy = instance.deepCopy();
        for (List<Object> location : locations) {
            JsonNode parent = copy;
            for (Object element : location.subList(0, location.size() - 1)) {
                parent =
                        element instanceof Integer index
                                ? parent.get(index)
                                : parent.get((String) element);
            }
            Object last = location.get(location.size() - 1);
            if (last instanceof Integer index) {
                ((ArrayNode) parent).set(index, JsonNodeFactory.instance.nullNode());
            } else {
                ((ObjectNode) parent).putNull((String) last);
            }
        }
        return copy;
    }

    private void walk(JsonNode schema, JsonNode instance, String path, List<Object> location) {
        if (schema == null || instance == null) {
            return;
        }
        if (instance.isNumber()) {
            checkNumber(schema, instance, path, location);
            return;
        }
        if (instance.isObject()) {
            JsonNode properties = schema.get("properties");
            if (properties == null) {
                return;
            }
            for (Map.Entry<String, JsonNode> property : instance.properties()) {
                JsonNode propertySchema = properties.get(property.getKey());
                if (propertySchema != null) {
                    String child =
                            path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                    walk(
                            propertySchema,
                            property.getValue(),
                            child,
                            append(location, property.getKey()));
                }
            }
            return;
        }
        if (instance.isArray()) {
            JsonNode items = schema.get("items");
            for (int i = 0; i < instance.size(); i++) {
                walk(items, instance.get(i), path + "[" + i + "]", append(location, i));
            }
        }
    }

    private static List<Object> append(List<Object> location, Object element) {
        List<Object> extended = new ArrayList<>(location);
        extended.add(element);
        return extended;
    }

    private void checkNumber(
            JsonNode schema, JsonNode instance, String path, List<Object> location) {
        if (!typeIncludes(schema, "integer")) {
            return;
        }
        if (instance.isFloatingPointNumber() && !Double.isFinite(instance.doubleValue())) {
            return;
        }
        BigDecimal value = exactValue(instance);
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return;
        }

        String field = path.isEmpty() ? "$" : path;
        String rejectedValue = JsonValues.safe(instance);
        int before = violations.size();
        if (value.stripTrailingZeros().scale() > 0 && !typeIncludes(schema, "number")) {
            violations.add(new Violation(field, "type integer", JsonValues.typeOf(instance)));
        }
        checkBound(schema, "maximum", value, field, rejectedValue, c -> c > 0);
        checkBound(schema, "exclusiveMaximum", value, field, rejectedValue, c -> c >= 0);
        checkBound(schema, "minimum", value, field, rejectedValue, c -> c < 0);
        checkBound(schema, "exclusiveMinimum", value, field, rejectedValue, c -> c <= 0);
        if (violations.size() == before) {
            String rule =
                    value.signum() > 0 ? "maximum " + Long.MAX_VALUE : "minimum " + Long.MIN_VALUE;
            violations.add(new Violation(field, rule, rejectedValue));
        }

        paths.add(path);
        locations.add(location);
    }

    /**
     * Adds a violation when the schema has {@code keyword} and {@code violated} holds for the
     * comparison of the value with the keyword's limit.
     */
    private void checkBound(
            JsonNode schema,
            String keyword,
            BigDecimal value,
            String field,
            String rejectedValue,
            IntPredicate violated) {
        JsonNode limit = schema.get(keyword);
        if (limit == null || !limit.isNumber()) {
            return;
        }
        if (violated.test(value.compareTo(limit.decimalValue()))) {
            violations.add(
                    new Violation(field, keyword + " " + JsonValues.render(limit), rejectedValue));
        }
    }

    /** Exact decimal value of a finite number node; a double converts without rounding. */
    private static BigDecimal exactValue(JsonNode number) {
        if (number.isFloatingPointNumber() && !number.isBigDecimal()) {
            return new BigDecimal(number.doubleValue());
        }
        return number.decimalValue();
    }

    /** Returns true if the schema's {@code type} is or lists {@code name}. */
    private static boolean typeIncludes(JsonNode schema, String name) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return false;
        }
        if (type.isString()) {
            return name.equals(type.stringValue());
        }
        for (JsonNode entry : type) {
            if (name.equals(entry.stringValue())) {
                return true;
            }
        }
        return false;
    }
}
