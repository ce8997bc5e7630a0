package dev.scribe.writinganalysis.api;

import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.platform.web.Tier;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Caller;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.service.ServiceException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the engine's call context from the verified caller and the request headers. */
final class CallContexts {

    static final String ACCESS_JUSTIFICATION = "X-Access-Justification";
    static final String REPLAYED = "X-Replayed";
    static final String ACCEPTED_AT = "X-Accepted-At";

    private CallContexts() {}

    /**
     * Returns the context of the request. {@code X-Accepted-At} counts only on a replay of a queued
     * write ({@code X-Replayed: true}), because only then did the gateway accept the request
     * earlier.
     */
    static CallContext of(HttpServletRequest request) {
        Caller caller = callerOf(RequestAttributes.caller(request));

        boolean replayed = "true".equalsIgnoreCase(request.getHeader(REPLAYED));
        Instant acceptedAt = replayed ? acceptedAt(request.getHeader(ACCEPTED_AT)) : null;
        return new CallContext(
                caller,
                RequestAttributes.correlationId(request),
                TraceParents.traceId(request.getHeader(TraceParents.HEADER)),
                request.getHeader(ACCESS_JUSTIFICATION),
                Tier.REMOTE,
                acceptedAt,
                replayed);
    }

    /** Returns the engine's caller for the verified claims of an assertion. */
    static Caller callerOf(UserClaims claims) {
        return new Caller(
                claims.subject(),
                Role.valueOf(claims.role().name()),
                claims.institution(),
                claims.courses(),
                claims.tokenVersion());
    }

    private static @Nullable Instant acceptedAt(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            return Instant.parse(header.trim());
        } catch (DateTimeParseException e) {
            throw new ServiceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The X-Accepted-At header is not an ISO-8601 UTC timestamp.",
                    List.of(
                            new ErrorDetail(
                                    ACCEPTED_AT,
                                    "must be an ISO-8601 instant such as 2026-01-01T00:00:00.000Z")));
        }
    }
}
