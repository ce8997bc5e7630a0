package dev.scribe.writinganalysis.core.audit;

import dev.scribe.writinganalysis.core.port.ComplianceFlags;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * Audit content supplied by a tool, with raw ids; {@link AuditRecorder} turns it into a chained
 * entry with pseudonyms.
 *
 * @param occurredAt time of the audited processing
 * @param actorId raw id of the actor
 * @param actorRole token role of the actor, for example {@code EDUCATOR}
 * @param subjectId raw id of the subject, or null
 * @param category audit category
 * @param action tool or operation name
 * @param resourceType data type
 * @param resourceId raw id of the one stored record concerned, or null
 * @param purpose purpose code, or null
 * @param legalBasis legal basis
 * @param outcome {@code success}, {@code failure} or {@code partial}
 * @param complianceFlags compliance flags
 * @param details details object without content
 */
public record AuditRecord(
        Instant occurredAt,
        String actorId,
        String actorRole,
        String subjectId,
        String category,
        String action,
        String resourceType,
        String resourceId,
        String purpose,
        String legalBasis,
        String outcome,
        ComplianceFlags complianceFlags,
        ObjectNode details) {

    public AuditRecord {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(complianceFlags, "complianceFlags");
        Objects.requireNonNull(details, "details");
    }
}
