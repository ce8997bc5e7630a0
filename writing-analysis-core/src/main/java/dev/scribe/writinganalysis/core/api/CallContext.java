package dev.scribe.writinganalysis.core.api;

import dev.scribe.platform.web.Tier;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything about one call that does not come from the tool arguments.
 *
 * @param caller authenticated caller
 * @param correlationId correlation id, copied into audit entries and events
 * @param traceId W3C trace id, or null
 * @param accessJustification break-glass justification of an administrator ({@code
 *     X-Access-Justification} header or MCP {@code _meta.accessJustification}), or null
 * @param tier tier that produces the result; recorded in audit details
 * @param acceptedAt time at which the gateway accepted a queued write ({@code X-Accepted-At}), or
 *     null; used as the snapshot time of progress writes and the occurrence time of audited
 *     accesses
 * @param replayed whether the request is a replay of a queued write
 */
public record CallContext(
        Caller caller,
        String correlationId,
        String traceId,
        String accessJustification,
        Tier tier,
        Instant acceptedAt,
        boolean replayed) {

    public CallContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(correlationId, "correlationId");
        tier = tier == null ? Tier.REMOTE : tier;
    }

    /** Creates the context of a direct, non-replayed call answered by the remote tier. */
    public static CallContext of(Caller caller, String correlationId) {
        return new CallContext(caller, correlationId, null, null, Tier.REMOTE, null, false);
    }

    /** Returns a copy with the given break-glass justification. */
    public CallContext withAccessJustification(String justification) {
        return new CallContext(
                caller, correlationId, traceId, justification, tier, acceptedAt, replayed);
    }
}
