package dev.scribe.writinganalysis.core.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.Violation;
import dev.scribe.writinganalysis.core.json.ToolSchemas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Validates operation arguments against the closed input schemas.
 *
 * <p>String lengths are checked here in UTF-16 code units, the unit of every length limit, because
 * the schema library counts code points; its own length errors are therefore ignored. A string over
 * its {@code maxLength} makes the request {@code PAYLOAD_TOO_LARGE}; every other violation is
 * {@code INVALID_ARGUMENT}. Integers outside the 64-bit range are checked by {@link
 * LongRangeCheck}, because the schema library throws on some of them. Details never quote input
 * strings: they report a length instead.
 */
public final class ArgumentValidator {

    private static final Pattern SAFE_PROPERTY_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final Map<Operation, JsonNode> inputSchemas = new EnumMap<>(Operation.class);
    private final Map<Operation, Schema> compiled = new EnumMap<>(Operation.class);

    public ArgumentValidator(ToolSchemas schemas) {
        SchemaRegistry registry =
                SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (Operation operation : Operation.values()) {
            JsonNode schema = schemas.input(operation);
            inputSchemas.put(operation, schema);
            compiled.put(operation, registry.getSchema(schema));
        }
    }

    /**
     * Validates the arguments of {@code operation}; a null or missing argument object counts as an
     * empty object.
     *
     * @throws ToolException {@code PAYLOAD_TOO_LARGE} or {@code INVALID_ARGUMENT}
     */
    public void validate(Operation operation, JsonNode arguments) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            arguments = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!arguments.isObject()) {
            throw ToolException.invalid("$", "type object", JsonValues.typeOf(arguments));
        }

        List<Violation> tooLong = new ArrayList<>();
        List<Violation> tooShort = new ArrayList<>();
        checkLengths(inputSchemas.get(operation), arguments, "", tooLong, tooShort);
        if (!tooLong.isEmpty()) {
            throw new ToolException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request exceeds a size limit: see the details.",
                    null,
                    tooLong);
        }

        List<Violation> violations = new ArrayList<>(tooShort);
        LongRangeCheck longRange = LongRangeCheck.of(inputSchemas.get(operation), arguments);
        violations.addAll(longRange.violations());

        JsonNode validatable = longRange.validatable(arguments);
        for (Error error : compiled.get(operation).validate(validatable)) {
            String keyword = error.getKeyword();
            if ("maxLength".equals(keyword) || "minLength".equals(keyword)) {
                continue;
            }
            if (longRange.covers(JsonValues.dottedPath(error.getInstanceLocation()))) {
                continue;
            }
            violations.add(toViolation(error));
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(v -> v.field() == null ? "" : v.field()));
            throw new ToolException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The request is invalid: see the details.",
                    null,
                    violations);
        }
    }

    /** Walks instance and schema together and checks string lengths in UTF-16 code units. */
    private static void checkLengths(
            JsonNode schema,
            JsonNode instance,
            String path,
            List<Violation> tooLong,
            List<Violation> tooShort) {
        if (schema == null || instance == null) {
            return;
        }
        if (instance.isString()) {
            int length = instance.stringValue().length();
            JsonNode max = schema.get("maxLength");
            JsonNode min = schema.get("minLength");
            if (max != null && length > max.asInt()) {
                tooLong.add(
                        new Violation(field(path), "maxLength " + max.asInt(), "length " + length));
            } else if (min != null && length < min.asInt()) {
                tooShort.add(
                        new Violation(field(path), "minLength " + min.asInt(), "length " + length));
            }
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
                    checkLengths(propertySchema, property.getValue(), child, tooLong, tooShort);
                }
            }
            return;
        }
        if (instance.isArray()) {
            JsonNode items = schema.get("items");
            for (int i = 0; i < instance.size(); i++) {
                checkLengths(items, instance.get(i), path + "[" + i + "]", tooLong, tooShort);
            }
        }
    }

    private static String field(String path) {
        return path.isEmpty() ? "$" : path;
    }

    private static Violation toViolation(Error error) {
        String path = JsonValues.dottedPath(error.getInstanceLocation());
        String keyword = error.getKeyword();
        JsonNode instance = error.getInstanceNode();
        JsonNode limit = error.getSchemaNode();
        switch (keyword == null ? "" : keyword) {
            case "required" -> {
                return new Violation(join(path, safeName(error.getProperty())), "required", null);
            }
            case "additionalProperties" -> {
                return new Violation(
                        join(path, safeName(error.getProperty())), "unknown property", null);
            }
            case "type" -> {
                return new Violation(
                        field(path),
                        "type " + JsonValues.render(limit),
                        JsonValues.typeOf(instance));
            }
            case "enum" -> {
                return new Violation(
                        field(path), "enum " + JsonValues.render(limit), JsonValues.safe(instance));
            }
            case "pattern" -> {
                return new Violation(
                        field(path),
                        "pattern " + JsonValues.render(limit),
                        JsonValues.safe(instance));
            }
            default -> {
                return new Violation(
                        field(path),
                        keyword + (limit == null ? "" : " " + JsonValues.render(limit)),
                        JsonValues.safe(instance));
            }
        }
    }

    private static String join(String path, String name) {
        if (name == null) {
            return field(path);
        }
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Property names come from the request, so only plain names are echoed. */
    private static String safeName(String name) {
        if (name == null) {
            return null;
        }
        return SAFE_PROPERTY_NAME.matcher(name).matches() ? name : "(property name not shown)";
    }
}
