package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One row of the append-only audit trail. Ids are pseudonyms; no raw user id, IP address or content
 * is stored. {@code entryHash} is the SHA-256 of the RFC 8785 canonical JSON of every other field.
 *
 * @param seq position in the chain, from 1, without gaps
 * @param eventId UUID, returned to callers as {@code auditId}
 * @param occurredAt time of the audited access
 * @param recordedAt time of the append
 * @param actorPseudonym pseudonym of the actor
 * @param actorRole token role of the actor, for example {@code EDUCATOR}
 * @param subjectPseudonym pseudonym of the subject, or null
 * @param category {@code data_access}, {@code data_modification}, {@code data_export} or {@code
 *     authorization}
 * @param action tool or operation name
 * @param resourceType data type of the resource
 * @param resourcePseudonym pseudonym of the one stored record concerned, or null
 * @param purpose purpose code, or null when none was declared
 * @param legalBasis {@code consent}, {@code legal_obligation} or {@code legitimate_interest}
 * @param outcome {@code success}, {@code failure} or {@code partial}
 * @param correlationId correlation id of the request
 * @param traceId W3C trace id, or null
 * @param privacyLevel {@code confidential} with a subject, else {@code restricted}
 * @param complianceFlags compliance flags
 * @param details JSON object without content
 * @param prevHash entry hash of the previous entry, 64 zeros for the first
 * @param entryHash lowercase hex SHA-256 of the canonical entry without this field
 */
public record AuditEntry(
        long seq,
        String eventId,
        Instant occurredAt,
        Instant recordedAt,
        String actorPseudonym,
        String actorRole,
        String subjectPseudonym,
        String category,
        String action,
        String resourceType,
        String resourcePseudonym,
        String purpose,
        String legalBasis,
        String outcome,
        String correlationId,
        String traceId,
        String privacyLevel,
        ComplianceFlags complianceFlags,
        JsonNode details,
        String prevHash,
        String entryHash) {

    public AuditEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(complianceFlags, "complianceFlags");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(entryHash, "entryHash");
    }
}
