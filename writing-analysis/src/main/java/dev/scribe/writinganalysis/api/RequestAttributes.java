package dev.scribe.writinganalysis.api;

import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;

/** Names and accessors of the request attributes that the edge filters set. */
public final class RequestAttributes {

    /** Correlation id of the request, a valid inbound value or a new UUID. */
    public static final String CORRELATION_ID =
            RequestAttributes.class.getName() + ".correlationId";

    /** Verified identity of the caller, from the user assertion. */
    public static final String CALLER = RequestAttributes.class.getName() + ".caller";

    /** MDC key of the correlation id, the field name that structured logs carry. */
    public static final String MDC_CORRELATION_ID = "correlationId";

    private RequestAttributes() {}

    /**
     * Returns the correlation id of the request, or a new one when the correlation filter did not
     * run (for instance on a container error dispatch).
     */
    public static String correlationId(HttpServletRequest request) {
        Object value = request.getAttribute(CORRELATION_ID);
        if (value instanceof String correlationId) {
            return correlationId;
        }
        String generated = CorrelationIds.keepOrGenerate(request.getHeader(CorrelationIds.HEADER));
        request.setAttribute(CORRELATION_ID, generated);
        return generated;
    }

    /**
     * Returns the verified caller.
     *
     * @throws IllegalStateException when the assertion filter did not authenticate the request,
     *     which would be a wiring error because every API route is behind that filter
     */
    public static UserClaims caller(HttpServletRequest request) {
        Object value = request.getAttribute(CALLER);
        if (value instanceof UserClaims claims) {
            return claims;
        }
        throw new IllegalStateException(
                "The request reached an API route without a verified caller");
    }
}
