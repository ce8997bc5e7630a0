package dev.scribe.platform.web;

/**
 * Error codes of the platform error body, with the HTTP status and the retry hint that every
 * component reports for them. The set is closed: services and the gateway raise only these codes.
 */
public enum ErrorCode {
    INVALID_ARGUMENT(400, false),
    IDENTITY_MISMATCH(400, false),
    UNAUTHENTICATED(401, false),
    TOKEN_REVOKED(401, false),
    FORBIDDEN(403, false),
    CONSENT_REQUIRED(403, false),
    PRIVACY_BUDGET_EXHAUSTED(403, false),
    ROUTE_NOT_FOUND(404, false),
    NOT_FOUND(404, false),
    CONFLICT(409, false),
    PAYLOAD_TOO_LARGE(413, false),
    INSUFFICIENT_GROUP_SIZE(422, false),
    RATE_LIMITED(429, true),
    INTERNAL(500, false),
    UPSTREAM_ERROR(502, true),
    UNAVAILABLE(503, true),
    UPSTREAM_UNAVAILABLE(503, true),
    CIRCUIT_OPEN(503, true),
    NO_TIER_AVAILABLE(503, true),
    QUEUE_FULL(503, true),
    CONSENT_UNAVAILABLE(503, true),
    SERVICE_BUSY(503, true),
    UPSTREAM_TIMEOUT(504, true),
    DEADLINE_EXCEEDED(504, true);

    private final int httpStatus;
    private final boolean retryable;

    ErrorCode(int httpStatus, boolean retryable) {
        this.httpStatus = httpStatus;
        this.retryable = retryable;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean retryable() {
        return retryable;
    }

    /**
     * Whether a response with this code must carry a {@code Retry-After} header (every 503 and
     * 429).
     */
    public boolean requiresRetryAfter() {
        return httpStatus == 503 || httpStatus == 429;
    }
}
