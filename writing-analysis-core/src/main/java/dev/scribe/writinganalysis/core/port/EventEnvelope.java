package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A domain or privacy event in the platform envelope. Ids are pseudonyms and no text content is
 * carried.
 *
 * @param eventId UUID; consumers de-duplicate by it
 * @param type event type, for example {@code writing.analyzed}
 * @param version schema version of the event type
 * @param occurredAt event time
 * @param producer always {@code writing-analysis}
 * @param correlationId correlation id of the request
 * @param traceparent W3C traceparent, or null
 * @param subjectPseudonym pseudonym of the student concerned, or null for aggregate events
 * @param metadata course, assignment and source
 * @param privacyLevel {@code confidential} for events about one student, else {@code restricted}
 * @param privacyContext minimisation, consent and purpose facts
 * @param encrypted whether the payload is encrypted
 * @param keyId id of the payload key, or null
 * @param category privacy-event category ({@code audit}, {@code consent}, {@code access}, {@code
 *     compliance}), null for domain events
 * @param payload event-specific payload
 */
public record EventEnvelope(
        String eventId,
        String type,
        int version,
        Instant occurredAt,
        String producer,
        String correlationId,
        String traceparent,
        String subjectPseudonym,
        Metadata metadata,
        String privacyLevel,
        PrivacyContext privacyContext,
        boolean encrypted,
        String keyId,
        String category,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * @param courseId course, or null
     * @param assignmentId assignment, or null
     * @param source tool or operation name that raised the event
     */
    public record Metadata(String courseId, String assignmentId, String source) {}

    /**
     * @param dataMinimized always true
     * @param consentVerified whether a consent check was made and passed
     * @param educationalPurpose purpose code, or null
     * @param retentionPeriodDays retention of the data class concerned, in days
     */
    public record PrivacyContext(
            boolean dataMinimized,
            boolean consentVerified,
            String educationalPurpose,
            int retentionPeriodDays) {}

    /** Returns whether this is a privacy event, which is the case when it has a category. */
    public boolean isPrivacyEvent() {
        return category != null;
    }
}
