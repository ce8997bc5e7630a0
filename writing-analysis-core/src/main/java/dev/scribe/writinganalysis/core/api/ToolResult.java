package dev.scribe.writinganalysis.core.api;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Successful outcome of an operation.
 *
 * @param output the tool output, exactly the fields of the tool's output schema
 * @param notices notice codes for the envelope's {@code meta.notices}, for example {@code
 *     FIELD_IGNORED:consent} or {@code CACHED_DP_ANSWER}
 */
public record ToolResult(JsonNode output, List<String> notices) {

    public ToolResult {
        Objects.requireNonNull(output, "output");
        notices = notices == null ? List.of() : List.copyOf(notices);
    }
}
