package dev.scribe.writinganalysis.api.suite;

import dev.scribe.platform.security.UserClaims;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Calls the service's tools over one interface: HTTP, MCP over Streamable HTTP or MCP stdio. */
public interface ToolClient extends AutoCloseable {

    /**
     * Calls {@code tool} as {@code caller} with the JSON object {@code argumentsJson}. An
     * administrator's break-glass justification travels as {@code X-Access-Justification} over HTTP
     * and as {@code _meta.accessJustification} over MCP; null sends none.
     *
     * @throws AssertionError when the response breaks the interface's own contract (status and code
     *     disagree, text content differs from structured content, and so on)
     */
    ToolOutcome call(String tool, UserClaims caller, String justification, String argumentsJson);

    /** Calls {@code tool} as {@code caller} without a justification. */
    default ToolOutcome call(String tool, UserClaims caller, String argumentsJson) {
        return call(tool, caller, null, argumentsJson);
    }

    /**
     * Returns the MCP {@code tools/list} result as seen by {@code caller}, or empty for an
     * interface without a tool list (HTTP).
     */
    default Optional<JsonNode> listTools(UserClaims caller) {
        return Optional.empty();
    }

    /** Name of the interface, for test display names. */
    String name();

    @Override
    default void close() {}
}
