package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.access.LegalBasis;
import dev.scribe.writinganalysis.core.access.PurposeCode;
import dev.scribe.writinganalysis.core.access.SubjectGrant;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.audit.AuditRecord;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.ComplianceFlags;
import dev.scribe.writinganalysis.core.validation.SemanticChecks;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records one access to a student's writing data in the hash chain ({@code
 * audit_writing_data_access}) and raises notification and suspicious-activity signals.
 */
final class AuditAccessTool implements Tool {

    /** Data types whose access by someone other than the subject notifies. */
    static final Set<String> SENSITIVE_DATA_TYPES =
            Set.of(
                    "reflection",
                    "personal_notes",
                    "mental_health",
                    "family_situation",
                    "disciplinary_record",
                    "medical_information");

    /** Window of the suspicious-activity rules. */
    static final Duration SUSPICIOUS_WINDOW = Duration.ofMinutes(60);

    /** More entries than this in the window is rapid access. */
    static final int RAPID_ACCESS_ENTRIES = 50;

    /** More distinct subjects than this in the window is a broad access pattern. */
    static final int BROAD_ACCESS_SUBJECTS = 20;

    private final ToolSupport support;

    AuditAccessTool(ToolSupport support) {
        this.support = support;
    }

    @Override
    public ToolResult run(CallContext context, JsonNode arguments) {
        String accessType = arguments.get("accessType").stringValue();
        String dataType = arguments.get("dataType").stringValue().toLowerCase(Locale.ROOT);
        String subjectId = arguments.get("userId").stringValue();
        String actorId = arguments.get("accessedBy").stringValue();
        JsonNode educational = arguments.get("educationalContext");
        String courseId = ToolSupport.text(educational, "courseId");
        String assignmentId = ToolSupport.text(educational, "assignmentId");
        PurposeCode purpose =
                SemanticChecks.purpose("purpose", arguments.get("purpose").stringValue());

        AccessRequest request =
                new AccessRequest(
                        Operation.AUDIT_WRITING_DATA_ACCESS,
                        subjectId,
                        dataType,
                        purpose,
                        accessType,
                        courseId,
                        assignmentId);
        boolean system = context.caller().role() == Role.SYSTEM;
        if (!system) {
            support.access()
                    .requireIdentity(
                            context, request, "accessedBy", actorId.equals(context.caller().id()));
        }
        SubjectGrant grant = support.access().authorizeSubject(context, request);

        boolean self = actorId.equals(subjectId);
        List<String> flags = privacyFlags(self, dataType, accessType, courseId);
        Instant occurredAt =
                (context.acceptedAt() != null ? context.acceptedAt() : support.now())
                        .truncatedTo(ChronoUnit.MILLIS);
        ZoneId zone = institutionZone(subjectId);
        List<String> triggers =
                notificationTriggers(self, flags, accessType, subjectId, occurredAt, zone);

        ObjectNode details = Json.object();
        details.put("accessType", accessType);
        details.put("courseId", courseId);
        details.put("assignmentId", assignmentId);
        details.putNull("errorCode");
        details.set("privacyFlags", Json.mapper().valueToTree(flags));
        details.put("tier", context.tier().wireName());
        AuditEntry entry =
                support.audit()
                        .append(
                                new AuditRecord(
                                        occurredAt,
                                        actorId,
                                        context.caller().role().name(),
                                        subjectId,
                                        ToolSupport.category(accessType),
                                        request.operation().toolName(),
                                        dataType,
                                        null,
                                        purpose.code(),
                                        LegalBasis.of(purpose, false),
                                        "success",
                                        ComplianceFlags.ALL_TRUE,
                                        details),
                                context);

        Suspicion suspicion = suspiciousPatterns(entry, occurredAt, zone);
        publish(context, request, grant, entry, triggers, suspicion);

        ObjectNode output = Json.object();
        output.put("auditId", entry.eventId());
        output.put("logged", true);
        output.put("immutableHash", entry.entryHash());
        output.put("sequence", entry.seq());
        output.set("privacyFlags", Json.mapper().valueToTree(flags));
        output.put("notificationTriggered", !triggers.isEmpty());
        output.set("notificationTriggers", Json.mapper().valueToTree(triggers));
        return new ToolResult(output, List.of());
    }

    static List<String> privacyFlags(
            boolean self, String dataType, String accessType, String courseId) {
        List<String> flags = new ArrayList<>();
        if (self) {
            flags.add("self_access");
        }
        if (SENSITIVE_DATA_TYPES.contains(dataType)) {
            flags.add("sensitive_data");
        }
        if (accessType.equals("share")) {
            flags.add("data_sharing");
        }
        if (courseId != null && !self) {
            flags.add("educator_access");
        }
        return flags;
    }

    /**
     * Triggers evaluated before the append. {@code daily_first_access}: no earlier entry about the
     * subject on the same local day by any actor other than the subject, this actor included.
     */
    private List<String> notificationTriggers(
            boolean self,
            List<String> flags,
            String accessType,
            String subjectId,
            Instant occurredAt,
            ZoneId zone) {
        List<String> triggers = new ArrayList<>();
        if (!self && flags.contains("sensitive_data")) {
            triggers.add("sensitive_access_by_other");
        }
        if (accessType.equals("share")) {
            triggers.add("data_shared");
        }
        if (!self) {
            String subject = support.events().pseudonym(subjectId);
            Instant dayStart = occurredAt.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            boolean earlierByOthers =
                    support.ports().auditTrail().bySubject(subject, dayStart, occurredAt).stream()
                            .anyMatch(e -> !Objects.equals(e.actorPseudonym(), subject));
            if (!earlierByOthers) {
                triggers.add("daily_first_access");
            }
        }
        return triggers;
    }

    /**
     * Suspicious-activity patterns with the counts they were computed from.
     *
     * @param patterns fired patterns, in rule order
     * @param entryCount the actor's entries in the window
     * @param subjectCount distinct subjects of those entries
     */
    record Suspicion(List<String> patterns, int entryCount, int subjectCount) {}

    /** Patterns over the actor's entries of the last 60 minutes, this entry included. */
    private Suspicion suspiciousPatterns(AuditEntry entry, Instant occurredAt, ZoneId zone) {
        List<AuditEntry> recent =
                support.ports()
                        .auditTrail()
                        .byActor(
                                entry.actorPseudonym(),
                                occurredAt.minus(SUSPICIOUS_WINDOW),
                                occurredAt.plusMillis(1));
        Set<String> subjects = new HashSet<>();
        for (AuditEntry e : recent) {
            if (e.subjectPseudonym() != null) {
                subjects.add(e.subjectPseudonym());
            }
        }
        List<String> patterns = new ArrayList<>();
        if (recent.size() > RAPID_ACCESS_ENTRIES) {
            patterns.add("rapid_access");
        }
        if (subjects.size() > BROAD_ACCESS_SUBJECTS) {
            patterns.add("broad_access_pattern");
        }
        int hour = ZonedDateTime.ofInstant(occurredAt, zone).getHour();
        if (hour < 6 || hour >= 23) {
            patterns.add("unusual_hours");
        }
        return new Suspicion(patterns, recent.size(), subjects.size());
    }

    private ZoneId institutionZone(String subjectId) {
        ZoneId fallback = support.config().institutionDefaultTimeZone();
        return support.access()
                .guardDirectory(
                        () ->
                                support.ports()
                                        .directory()
                                        .institutionOfStudent(subjectId)
                                        .flatMap(i -> support.ports().directory().timeZoneOf(i))
                                        .orElse(fallback));
    }

    private void publish(
            CallContext context,
            AccessRequest request,
            SubjectGrant grant,
            AuditEntry entry,
            List<String> triggers,
            Suspicion suspicion) {
        List<String> patterns = suspicion.patterns();
        EventScope scope = support.scope(request, false, EventScope.AUDIT_DAYS);
        ObjectNode logged = Json.object();
        logged.put("auditId", entry.eventId());
        logged.put("seq", entry.seq());
        logged.put("category", entry.category());
        logged.put("subjectPseudonym", entry.subjectPseudonym());
        logged.put("resourceType", entry.resourceType());
        support.events()
                .domain(
                        context,
                        request.operation(),
                        "audit.logged",
                        request.subjectId(),
                        scope,
                        logged);

        if (!triggers.isEmpty()) {
            ObjectNode notification = Json.object();
            notification.put("auditId", entry.eventId());
            notification.put("subjectPseudonym", entry.subjectPseudonym());
            notification.put("actorPseudonym", entry.actorPseudonym());
            notification.set("triggers", Json.mapper().valueToTree(triggers));
            notification.put("accessType", request.accessType());
            notification.put("resourceType", entry.resourceType());
            support.events()
                    .domain(
                            context,
                            request.operation(),
                            "audit.notification.required",
                            request.subjectId(),
                            scope,
                            notification);
        }

        if (!patterns.isEmpty()) {
            ObjectNode suspicious = Json.object();
            suspicious.put("auditId", entry.eventId());
            suspicious.put("actorPseudonym", entry.actorPseudonym());
            suspicious.set("patterns", Json.mapper().valueToTree(patterns));
            suspicious.put("windowMinutes", SUSPICIOUS_WINDOW.toMinutes());
            support.events()
                    .domain(
                            context,
                            request.operation(),
                            "audit.suspicious.activity",
                            null,
                            scope,
                            suspicious);
            support.events()
                    .privacy(
                            context,
                            request.operation(),
                            "privacy.threshold.exceeded",
                            "compliance",
                            null,
                            scope,
                            threshold(suspicion));
        }

        support.dataAccessed(
                context,
                request,
                scope,
                ToolSupport.accessPurpose(context, grant),
                mirroredDataType(entry.resourceType()),
                1,
                1,
                null);
    }

    /** Payload of {@code privacy.threshold.exceeded} for the first pattern that fired. */
    private static ObjectNode threshold(Suspicion suspicion) {
        ObjectNode payload = Json.object();
        payload.put("metric", "data-access-frequency");
        switch (suspicion.patterns().get(0)) {
            case "rapid_access" -> {
                payload.put("threshold", RAPID_ACCESS_ENTRIES);
                payload.put("actual", suspicion.entryCount());
                payload.put("measurementUnit", "accesses");
            }
            case "broad_access_pattern" -> {
                payload.put("threshold", BROAD_ACCESS_SUBJECTS);
                payload.put("actual", suspicion.subjectCount());
                payload.put("measurementUnit", "subjects");
            }
            default -> {
                payload.put("threshold", 0);
                payload.put("actual", 1);
                payload.put("measurementUnit", "off-hours-accesses");
            }
        }
        payload.put("timeWindow", "1h");
        payload.put("action", "require-review");
        return payload;
    }

    /** Data type of {@code privacy.data.accessed} for an audited data type. */
    static String mirroredDataType(String dataType) {
        if (dataType.equals("reflection") || dataType.equals("personal_notes")) {
            return "reflection-data";
        }
        if (dataType.startsWith("writing_")) {
            return "student-writing";
        }
        if (dataType.contains("progress")) {
            return "progress-metrics";
        }
        return "other";
    }
}
