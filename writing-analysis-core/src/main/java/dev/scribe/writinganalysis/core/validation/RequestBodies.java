package dev.scribe.writinganalysis.core.validation;

import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Parsing of raw request bodies with the 1 MiB limit. */
public final class RequestBodies {

    /** Maximum size of a JSON request body in bytes (1 MiB). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private RequestBodies() {}

    /**
     * Parses a JSON body.
     *
     * @throws ToolException {@code PAYLOAD_TOO_LARGE} over 1 MiB, {@code INVALID_ARGUMENT} for
     *     malformed JSON
     */
    public static JsonNode parse(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw ToolException.tooLarge("$", "maxBytes " + MAX_BODY_BYTES, "bytes " + body.length);
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw ToolException.invalid("$", "well-formed JSON", "bytes " + body.length);
        }
    }
}
