package dev.scribe.writinganalysis.core.access;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.audit.AuditRecord;
import dev.scribe.writinganalysis.core.audit.AuditRecorder;
import dev.scribe.writinganalysis.core.events.EventEmitter;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.ComplianceFlags;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records a denial before it is thrown: one audit entry in category {@code authorization} with
 * outcome {@code failure}, then {@code privacy.access.unauthorized} (role, relationship, purpose,
 * justification, identity and not-found denials) or {@code privacy.consent.verified} (consent
 * denials).
 */
public final class Denials {

    private final AuditRecorder recorder;
    private final EventEmitter events;
    private final Clock clock;

    public Denials(AuditRecorder recorder, EventEmitter events, Clock clock) {
        this.recorder = recorder;
        this.events = events;
        this.clock = clock;
    }

    /** Audits and publishes the denial, then returns {@code error} for the caller to throw. */
    public ToolException record(CallContext context, AccessRequest request, ToolException error) {
        return record(context, request, error, null, List.of());
    }

    /** Consent variant: also names the verification result and the consent purposes checked. */
    public ToolException record(
            CallContext context,
            AccessRequest request,
            ToolException error,
            String consentResult,
            List<String> consentPurposes) {
        ObjectNode details = Json.object();
        details.put("accessType", request.accessType());
        details.put("courseId", request.courseId());
        details.put("assignmentId", request.assignmentId());
        details.putArray("privacyFlags");
        details.put("tier", context.tier().wireName());
        details.put("errorCode", error.code().name());
        details.put("reason", error.reason());
        recorder.append(
                new AuditRecord(
                        clock.instant(),
                        context.caller().id(),
                        context.caller().role().name(),
                        request.subjectId(),
                        "authorization",
                        request.operation().toolName(),
                        request.resourceType(),
                        null,
                        request.purposeCode(),
                        LegalBasis.of(request.purpose(), consentResult != null),
                        "failure",
                        ComplianceFlags.ALL_TRUE,
                        details),
                context);

        EventScope scope =
                new EventScope(
                        request.courseId(),
                        request.assignmentId(),
                        false,
                        request.purposeCode(),
                        EventScope.AUDIT_DAYS);
        if (error.code() == ErrorCode.CONSENT_REQUIRED) {
            ObjectNode payload = Json.object();
            payload.put("verificationResult", consentResult);
            payload.put("requestedOperation", request.operation().toolName());
            payload.set("consentTypes", Json.mapper().valueToTree(consentPurposes));
            payload.put("fallbackAction", "deny-access");
            events.privacy(
                    context,
                    request.operation(),
                    "privacy.consent.verified",
                    "consent",
                    request.subjectId(),
                    scope,
                    payload);
        } else {
            ObjectNode payload = Json.object();
            payload.put("attemptedBy", events.pseudonym(context.caller().id()));
            payload.put("attemptedByRole", context.caller().role().name());
            payload.put("resource", request.operation().toolName());
            payload.put("resourceType", request.resourceType());
            payload.put("reason", error.reason());
            payload.put("attemptTimestamp", events.now());
            payload.put(
                    "riskLevel", error.code() == ErrorCode.IDENTITY_MISMATCH ? "high" : "medium");
            payload.putArray("automaticActions").add("deny-access");
            events.privacy(
                    context,
                    request.operation(),
                    "privacy.access.unauthorized",
                    "access",
                    request.subjectId(),
                    scope,
                    payload);
        }
        return error;
    }
}
