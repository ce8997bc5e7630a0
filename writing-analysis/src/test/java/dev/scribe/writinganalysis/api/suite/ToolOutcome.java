package dev.scribe.writinganalysis.api.suite;

import tools.jackson.databind.JsonNode;

/**
 * The result of one tool call, in the same shape whatever interface carried it.
 *
 * @param ok whether the tool succeeded
 * @param data the tool output on success (HTTP {@code data}, MCP {@code structuredContent}), else
 *     null
 * @param errorCode the platform error code on failure, else null
 * @param field the {@code field} of the first error detail, or null
 * @param problem the {@code problem} of the first error detail, or null
 * @param meta the response meta (HTTP {@code meta}, MCP {@code _meta})
 */
public record ToolOutcome(
        boolean ok, JsonNode data, String errorCode, String field, String problem, JsonNode meta) {

    @Override
    public String toString() {
        // Data and problems are left out because they may echo test content.
        return ok ? "ToolOutcome[ok]" : "ToolOutcome[" + errorCode + ", field=" + field + "]";
    }
}
