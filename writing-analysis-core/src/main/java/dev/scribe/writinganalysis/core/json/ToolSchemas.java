package dev.scribe.writinganalysis.core.json;

import dev.scribe.writinganalysis.core.api.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The closed JSON Schemas (draft 2020-12) of every operation's input and output, loaded once from
 * the resources {@code schemas/<tool>.input.json} and {@code schemas/<tool>.output.json} next to
 * this class.
 */
public final class ToolSchemas {

    private final Map<Operation, JsonNode> inputs = new EnumMap<>(Operation.class);
    private final Map<Operation, JsonNode> outputs = new EnumMap<>(Operation.class);

    public ToolSchemas(JsonMapper mapper) {
        for (Operation operation : Operation.values()) {
            inputs.put(operation, load(mapper, operation.toolName() + ".input.json"));
            outputs.put(operation, load(mapper, operation.toolName() + ".output.json"));
        }
    }

    private static JsonNode load(JsonMapper mapper, String name) {
        String resource = "schemas/" + name;
        try (InputStream in = ToolSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }

    /** Returns a copy of the input schema, so callers cannot change the shared one. */
    public JsonNode input(Operation operation) {
        return inputs.get(operation).deepCopy();
    }

    /** Returns a copy of the output schema. */
    public JsonNode output(Operation operation) {
        return outputs.get(operation).deepCopy();
    }
}
