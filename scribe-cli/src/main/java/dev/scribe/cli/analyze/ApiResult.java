package dev.scribe.cli.analyze;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The outcome of one request: HTTP status (0 when no response arrived), the parsed body, the
 * latency and, for a failure, the error code. The code is the platform error code from the body,
 * {@code HTTP_<status>} for an error without a platform body, {@code MALFORMED_RESPONSE} for a 200
 * that is not a success envelope, or {@code TIMEOUT} / {@code CONNECTION_FAILED} when no response
 * arrived.
 */
public record ApiResult(
        Operation operation,
        int status,
        JsonNode body,
        long latencyNanos,
        String errorCode,
        String correlationId) {

    public static final String TIMEOUT = "TIMEOUT";
    public static final String CONNECTION_FAILED = "CONNECTION_FAILED";
    public static final String MALFORMED_RESPONSE = "MALFORMED_RESPONSE";

    public boolean succeeded() {
        return errorCode == null;
    }

    /** Returns whether a response arrived, so that the latency measures a round trip. */
    public boolean answered() {
        return status > 0;
    }

    /** Returns the {@code data} of a success envelope, or a missing node for a failure. */
    public JsonNode data() {
        return succeeded() ? body.path("data") : MissingNode.getInstance();
    }

    /** Classifies a response by status and body. */
    public static ApiResult fromResponse(
            Operation operation,
            int status,
            JsonNode body,
            long latencyNanos,
            String correlationId) {
        String code = null;
        if (status != 200) {
            JsonNode errorCode = body.path("error").path("code");
            code = errorCode.isString() ? errorCode.stringValue() : "HTTP_" + status;
        } else if (!body.path("success").asBoolean(false) || !body.has("data")) {
            code = MALFORMED_RESPONSE;
        }
        return new ApiResult(operation, status, body, latencyNanos, code, correlationId);
    }

    /** A request that got no response: it timed out or could not connect. */
    public static ApiResult noResponse(
            Operation operation, String errorCode, long latencyNanos, String correlationId) {
        return new ApiResult(
                operation, 0, MissingNode.getInstance(), latencyNanos, errorCode, correlationId);
    }
}
