package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.access.SubjectGrant;
import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.boundaries.AiBoundaryRules;
import dev.scribe.writinganalysis.core.boundaries.BoundaryDecision;
import dev.scribe.writinganalysis.core.boundaries.RequestType;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.validation.SemanticChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether a student's AI-assistance request is allowed and returns a sanitised copy ({@code
 * apply_ai_boundaries}). The access level comes from the subject's latest stored reflection; the
 * compatibility flag {@code reflectionCompleted} can only restrict it.
 */
final class BoundariesTool implements Tool {

    private final ToolSupport support;
    private final AiBoundaryRules rules;

    BoundariesTool(ToolSupport support, AiBoundaryRules rules) {
        this.support = support;
        this.rules = rules;
    }

    @Override
    public ToolResult run(CallContext context, JsonNode arguments) {
        JsonNode requestNode = arguments.get("request");
        String prompt = requestNode.get("prompt").stringValue();
        String aiContext =
                requestNode.has("context") ? requestNode.get("context").stringValue() : "";
        RequestType requestType =
                RequestType.fromWireName(
                        requestNode.has("requestType")
                                ? requestNode.get("requestType").stringValue()
                                : "assistance");
        JsonNode studentContext = arguments.get("studentContext");
        String assignmentId = ToolSupport.text(studentContext, "assignmentId");
        String assignmentType = ToolSupport.text(studentContext, "assignmentType");
        SemanticChecks.requireToken("request.prompt", prompt);
        String studentId = subject(context, studentContext);

        AccessRequest request =
                new AccessRequest(
                        Operation.APPLY_AI_BOUNDARIES,
                        studentId,
                        "ai_request",
                        null,
                        "analyze",
                        null,
                        assignmentId);
        SubjectGrant grant = support.access().authorizeSubject(context, request);
        support.access().requireConsent(context, request, "ai_analysis");

        Optional<ReflectionRecord> latest =
                support.ports().reflections().latest(studentId, assignmentId);
        boolean compatDenies =
                studentContext != null
                        && studentContext.has("reflectionCompleted")
                        && !studentContext.get("reflectionCompleted").booleanValue();
        boolean completed = latest.isPresent() && !compatDenies;
        AccessLevel level =
                completed ? AccessLevel.forScore(latest.get().overall()) : AccessLevel.RESTRICTED;
        BoundaryDecision decision =
                rules.evaluate(prompt, aiContext, requestType, level, completed);

        ObjectNode details = support.baseDetails(context, request, grant.selfAccess());
        details.put("requestType", requestType.wireName());
        details.put("allowed", decision.allowed());
        details.set("boundaries", Json.mapper().valueToTree(decision.boundariesApplied()));
        details.put("accessLevel", decision.accessLevel().wireName());
        details.put("assignmentType", assignmentType);
        publish(context, request, grant, decision, requestType, latest.isPresent() ? 1 : 0);
        // The audit append locks the chain head until the commit, which serialises every instance
        // that shares the database, so it is the last write of the transaction.
        support.auditSuccess(
                context,
                request,
                latest.map(ReflectionRecord::reflectionId).orElse(null),
                true,
                details);

        List<String> notices = new ArrayList<>();
        if (studentContext != null && studentContext.has("progressLevel")) {
            notices.add("FIELD_IGNORED:progressLevel");
        }
        return new ToolResult(Json.mapper().valueToTree(decision), notices);
    }

    /** Returns the subject: the given student id, else the calling student. */
    private static String subject(CallContext context, JsonNode studentContext) {
        String studentId = ToolSupport.text(studentContext, "studentId");
        if (studentId != null) {
            return studentId;
        }
        if (context.caller().role() == Role.STUDENT) {
            return context.caller().id();
        }
        throw ToolException.invalid(
                "studentContext.studentId", "required unless the caller is a student", null);
    }

    private void publish(
            CallContext context,
            AccessRequest request,
            SubjectGrant grant,
            BoundaryDecision decision,
            RequestType requestType,
            int reflectionsRead) {
        EventScope scope = support.scope(request, true, EventScope.REFLECTION_DAYS);
        support.dataAccessed(
                context,
                request,
                scope,
                ToolSupport.accessPurpose(context, grant),
                "reflection-data",
                1,
                reflectionsRead,
                null);
        ObjectNode payload = Json.object();
        payload.put("subjectPseudonym", support.events().pseudonym(request.subjectId()));
        payload.put("allowed", decision.allowed());
        payload.set("boundaries", Json.mapper().valueToTree(decision.boundariesApplied()));
        payload.put("requestType", requestType.wireName());
        payload.put("accessLevel", decision.accessLevel().wireName());
        support.events()
                .domain(
                        context,
                        request.operation(),
                        "ai.boundary.enforced",
                        request.subjectId(),
                        scope,
                        payload);
    }
}
