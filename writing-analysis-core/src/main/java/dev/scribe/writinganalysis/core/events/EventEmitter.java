package dev.scribe.writinganalysis.core.events;

import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.audit.Pseudonymizer;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds platform event envelopes and hands them to the {@link EventPublisher}. Subjects appear
 * only as pseudonyms and no payload carries text content.
 */
public final class EventEmitter {

    /** Producer name in every envelope. */
    public static final String PRODUCER = "writing-analysis";

    private static final int VERSION = 1;
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    private final EventPublisher publisher;
    private final Pseudonymizer pseudonymizer;
    private final Clock clock;
    private final SecureRandom spanIds = new SecureRandom();

    public EventEmitter(EventPublisher publisher, Pseudonymizer pseudonymizer, Clock clock) {
        this.publisher = publisher;
        this.pseudonymizer = pseudonymizer;
        this.clock = clock;
    }

    /** Publishes a domain event about {@code subjectId} (raw id, or null for aggregates). */
    public EventEnvelope domain(
            CallContext context,
            Operation source,
            String type,
            String subjectId,
            EventScope scope,
            ObjectNode payload) {
        return publish(context, source, type, null, subjectId, scope, payload);
    }

    /** Publishes a privacy event of the given category ({@code audit}, {@code access}, ...). */
    public EventEnvelope privacy(
            CallContext context,
            Operation source,
            String type,
            String category,
            String subjectId,
            EventScope scope,
            ObjectNode payload) {
        return publish(context, source, type, category, subjectId, scope, payload);
    }

    /** Pseudonym of a raw id, for payload fields. */
    public String pseudonym(String id) {
        return pseudonymizer.pseudonym(id);
    }

    private EventEnvelope publish(
            CallContext context,
            Operation source,
            String type,
            String category,
            String subjectId,
            EventScope scope,
            ObjectNode payload) {
        String subjectPseudonym = pseudonymizer.pseudonym(subjectId);
        // NOTE: payloads of events about one student are published unencrypted (encrypted=false)
        // until encryption at rest exists; they hold pseudonyms and no text content.
        EventEnvelope envelope =
                new EventEnvelope(
                        UUID.randomUUID().toString(),
                        type,
                        VERSION,
                        clock.instant(),
                        PRODUCER,
                        context.correlationId(),
                        traceparent(context.traceId()),
                        subjectPseudonym,
                        new EventEnvelope.Metadata(
                                scope.courseId(), scope.assignmentId(), source.toolName()),
                        subjectPseudonym == null ? "restricted" : "confidential",
                        new EventEnvelope.PrivacyContext(
                                true,
                                scope.consentVerified(),
                                scope.purposeCode(),
                                scope.retentionPeriodDays()),
                        false,
                        null,
                        category,
                        payload);
        publisher.publish(envelope);
        return envelope;
    }

    /** Builds a W3C traceparent that continues the caller's trace with a new span id, or null. */
    private String traceparent(String traceId) {
        if (traceId == null || !TRACE_ID.matcher(traceId).matches()) {
            return null;
        }
        byte[] span = new byte[8];
        spanIds.nextBytes(span);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    /** Timestamp text of the clock's current instant, for payload fields. */
    public String now() {
        return Json.timestamp(clock.instant());
    }
}
