package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.EngineConfig;
import dev.scribe.writinganalysis.core.access.AccessControl;
import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.access.LegalBasis;
import dev.scribe.writinganalysis.core.access.SubjectGrant;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.audit.AuditRecord;
import dev.scribe.writinganalysis.core.audit.AuditRecorder;
import dev.scribe.writinganalysis.core.events.EventEmitter;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.ComplianceFlags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Shared dependencies of the tools: configuration, ports, access rules, audit recorder, events. */
public record ToolSupport(
        EngineConfig config,
        EnginePorts ports,
        AccessControl access,
        AuditRecorder audit,
        EventEmitter events) {

    public Instant now() {
        return ports.clock().instant();
    }

    /** Audit category of an access type. */
    public static String category(String accessType) {
        return switch (accessType) {
            case "write" -> "data_modification";
            case "share" -> "data_export";
            default -> "data_access";
        };
    }

    /**
     * Creates the details every success entry carries: access type, course, assignment, privacy
     * flags ({@code self_access} or none), tier and a null error code.
     */
    public ObjectNode baseDetails(CallContext context, AccessRequest request, boolean selfAccess) {
        ObjectNode details = Json.object();
        details.put("accessType", request.accessType());
        details.put("courseId", request.courseId());
        details.put("assignmentId", request.assignmentId());
        details.putNull("errorCode");
        if (selfAccess) {
            details.putArray("privacyFlags").add("self_access");
        } else {
            details.putArray("privacyFlags");
        }
        details.put("tier", context.tier().wireName());
        return details;
    }

    /** Appends the success entry of a tool's own processing, categorised by its access type. */
    public AuditEntry auditSuccess(
            CallContext context,
            AccessRequest request,
            String resourceId,
            boolean consentChecked,
            ObjectNode details) {
        return auditSuccess(
                context,
                request,
                category(request.accessType()),
                resourceId,
                consentChecked,
                details);
    }

    /** Appends the success entry of a tool's own processing in the given category. */
    public AuditEntry auditSuccess(
            CallContext context,
            AccessRequest request,
            String category,
            String resourceId,
            boolean consentChecked,
            ObjectNode details) {
        return audit.append(
                new AuditRecord(
                        now(),
                        context.caller().id(),
                        context.caller().role().name(),
                        request.subjectId(),
                        category,
                        request.operation().toolName(),
                        request.resourceType(),
                        resourceId,
                        request.purposeCode(),
                        LegalBasis.of(request.purpose(), consentChecked),
                        "success",
                        ComplianceFlags.ALL_TRUE,
                        details),
                context);
    }

    /** Envelope facts of the events of one call. */
    public EventScope scope(AccessRequest request, boolean consentVerified, int retentionDays) {
        return new EventScope(
                request.courseId(),
                request.assignmentId(),
                consentVerified,
                request.purposeCode(),
                retentionDays);
    }

    /**
     * Returns the access purpose reported in {@code privacy.data.accessed}: {@code
     * educational-analysis} for self-access, {@code system-monitoring} for system identities and
     * break-glass access, {@code instructor-review} otherwise.
     */
    public static String accessPurpose(CallContext context, SubjectGrant grant) {
        if (grant != null && grant.selfAccess()) {
            return "educational-analysis";
        }
        if (context.caller().role() == Role.SYSTEM || (grant != null && grant.breakGlass())) {
            return "system-monitoring";
        }
        return "instructor-review";
    }

    /** Publishes {@code privacy.data.accessed}. */
    public void dataAccessed(
            CallContext context,
            AccessRequest request,
            EventScope scope,
            String accessPurpose,
            String dataType,
            int studentCount,
            int recordCount,
            ObjectNode timeRange) {
        ObjectNode payload = Json.object();
        payload.put("accessorId", events.pseudonym(context.caller().id()));
        payload.put("dataType", dataType);
        payload.put("purpose", accessPurpose);
        payload.put("educationalJustification", request.purposeCode());
        payload.put("accessTimestamp", Json.timestamp(now()));
        ObjectNode dataScope = payload.putObject("dataScope");
        dataScope.put("studentCount", studentCount);
        dataScope.put("recordCount", recordCount);
        if (timeRange != null) {
            dataScope.set("timeRange", timeRange);
        }
        events.privacy(
                context,
                request.operation(),
                "privacy.data.accessed",
                "audit",
                request.subjectId(),
                scope,
                payload);
    }

    /** Text of an optional string field, or null. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }

    /** Notice list with {@code FIELD_IGNORED:consent} when the compatibility field is present. */
    public static List<String> consentNotice(JsonNode arguments) {
        List<String> notices = new ArrayList<>();
        if (arguments.has("consent")) {
            notices.add("FIELD_IGNORED:consent");
        }
        return notices;
    }
}
