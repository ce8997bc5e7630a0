package dev.scribe.gateway.client;

import dev.scribe.platform.web.ErrorCode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether an upstream error body is a platform error body: {@code {"success": false,
 * "error": {"code", "message", "correlationId", "retryable", ...}}} with a known error code.
 */
@Component
public class UpstreamErrorBodies {

    private static final Set<String> CODES =
            Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

    private final JsonMapper jsonMapper;

    public UpstreamErrorBodies(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** Returns whether {@code body} is a platform error body; invalid JSON is not. */
    public boolean isConforming(byte[] body) {
        JsonNode root;
        try {
            root = jsonMapper.readTree(body);
        } catch (JacksonException e) {
            return false;
        }
        if (root == null || !root.isObject()) {
            return false;
        }

        JsonNode success = root.get("success");
        JsonNode error = root.get("error");
        if (success == null || !success.isBoolean() || success.booleanValue()) {
            return false;
        }
        if (error == null || !error.isObject()) {
            return false;
        }

        JsonNode code = error.get("code");
        JsonNode message = error.get("message");
        JsonNode correlationId = error.get("correlationId");
        JsonNode retryable = error.get("retryable");
        return code != null
                && code.isString()
                && CODES.contains(code.stringValue())
                && message != null
                && message.isString()
                && correlationId != null
                && correlationId.isString()
                && retryable != null
                && retryable.isBoolean();
    }
}
