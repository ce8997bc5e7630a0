package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.Meta;
import tools.jackson.databind.JsonNode;

/**
 * The success envelope of a legacy route: the platform envelope plus {@code message} (a fixed text
 * per route) and {@code serviceUsed} ({@code mcp} when the service itself produced the response).
 */
public record LegacySuccessBody(
        boolean success, JsonNode data, Meta meta, String message, String serviceUsed) {}
