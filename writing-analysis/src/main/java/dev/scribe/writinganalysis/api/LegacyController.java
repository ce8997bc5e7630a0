package dev.scribe.writinganalysis.api;

import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.service.ServiceHealth;
import dev.scribe.writinganalysis.service.ToolInvoker;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The legacy routes under {@code /api/analytics}. Each maps the request shape that older clients
 * send onto a tool input, field by field; identity and role always come from the user assertion,
 * and every field the mapping does not read is reported with a {@code FIELD_IGNORED} notice.
 */
@RestController
@RequestMapping(Routes.LEGACY_PREFIX)
public class LegacyController {

    private final ToolInvoker invoker;
    private final ServiceHealth health;

    public LegacyController(ToolInvoker invoker, ServiceHealth health) {
        this.invoker = invoker;
        this.health = health;
    }

    @GetMapping("/writing-progress/{studentId}/{assignmentId}")
    ResponseEntity<LegacySuccessBody> writingProgress(
            @PathVariable String studentId,
            @PathVariable String assignmentId,
            HttpServletRequest request) {
        ObjectNode input = Json.object();
        input.put("studentId", studentId);
        input.put("assignmentId", assignmentId);

        ToolResult result =
                invoker.invoke(Operation.READ_WRITING_PROGRESS, CallContexts.of(request), input);
        return Envelopes.legacySuccess(request, result, List.of(), "Writing progress retrieved");
    }

    @PostMapping("/analyze-patterns")
    ResponseEntity<LegacySuccessBody> analyzePatterns(
            @RequestBody byte[] body, HttpServletRequest request) {
        CallContext context = CallContexts.of(request);
        LegacyBody legacy = LegacyBody.of(CanonicalController.parse(body));
        ObjectNode input = Json.object();
        copy(legacy.use("content"), input, "content");
        JsonNode studentId = legacy.use("metadata.studentId");
        if (studentId != null) {
            input.set("userId", studentId);
        } else {
            input.put("userId", context.caller().id());
        }
        input.put("purpose", "writing_improvement");
        JsonNode assignmentId = legacy.use("metadata.assignmentId");
        if (assignmentId != null) {
            input.putObject("educationalContext").set("assignmentId", assignmentId);
        }

        return legacy(
                Operation.ANALYZE_WRITING_PATTERNS,
                context,
                input,
                legacy,
                "Writing patterns analyzed",
                request);
    }

    @PostMapping("/evaluate-reflection")
    ResponseEntity<LegacySuccessBody> evaluateReflection(
            @RequestBody byte[] body, HttpServletRequest request) {
        CallContext context = CallContexts.of(request);
        LegacyBody legacy = LegacyBody.of(CanonicalController.parse(body));
        ObjectNode input = Json.object();
        copy(legacy.use("reflectionText"), input, "reflection");
        JsonNode studentId = legacy.use("studentId");
        if (studentId != null) {
            input.set("userId", studentId);
        } else {
            input.put("userId", context.caller().id());
        }
        input.put("purpose", "reflection_assessment");

        return legacy(
                Operation.EVALUATE_REFLECTION_QUALITY,
                context,
                input,
                legacy,
                "Reflection evaluated",
                request);
    }

    @PostMapping("/track-progress")
    ResponseEntity<LegacySuccessBody> trackProgress(
            @RequestBody byte[] body,
            @RequestHeader(name = CanonicalController.IDEMPOTENCY_KEY, required = false)
                    @Nullable String idempotencyKey,
            HttpServletRequest request) {
        CallContext context = CallContexts.of(request);
        LegacyBody legacy = LegacyBody.of(CanonicalController.parse(body));
        ObjectNode input = Json.object();
        input.put("userId", context.caller().id());
        copy(legacy.use("sessionId"), input, "sessionId");
        ObjectNode metrics = input.putObject("metrics");
        copy(legacy.use("progress.wordsWritten"), metrics, "wordCount");
        copy(legacy.use("progress.timeSpent"), metrics, "timeSpent");
        copy(legacy.use("progress.revisions"), metrics, "revisions");
        input.put("purpose", "student_progress_tracking");

        List<String> notices = legacy.ignoredFieldNotices();
        ToolResult result =
                idempotencyKey == null
                        ? invoker.invoke(Operation.TRACK_WRITING_PROGRESS, context, input)
                        : invoker.invokeIdempotent(
                                Operation.TRACK_WRITING_PROGRESS, context, input, idempotencyKey);
        return Envelopes.legacySuccess(request, result, notices, "Progress tracked");
    }

    @PostMapping("/generate-insights")
    ResponseEntity<LegacySuccessBody> generateInsights(
            @RequestBody byte[] body, HttpServletRequest request) {
        CallContext context = CallContexts.of(request);
        LegacyBody legacy = LegacyBody.of(CanonicalController.parse(body));
        ObjectNode input = Json.object();
        input.put("scope", "individual");
        copy(legacy.use("studentId"), input, "targetId");
        JsonNode timeRange = legacy.use("timeRange");
        if (timeRange != null) {
            input.set("timeframe", timeRange);
        } else {
            input.put("timeframe", "week");
        }
        input.put("includeRecommendations", true);
        boolean student = context.caller().role() == Role.STUDENT;
        input.put("purpose", student ? "self_assessment" : "learning_analytics");

        return legacy(
                Operation.GENERATE_WRITING_INSIGHTS,
                context,
                input,
                legacy,
                "Insights generated",
                request);
    }

    @PostMapping("/classify-sensitivity")
    ResponseEntity<LegacySuccessBody> classifySensitivity(
            @RequestBody byte[] body, HttpServletRequest request) {
        CallContext context = CallContexts.of(request);
        LegacyBody legacy = LegacyBody.of(CanonicalController.parse(body));
        ObjectNode input = Json.object();
        copy(legacy.use("content"), input, "content");
        input.putObject("context").put("contentType", "essay");

        return legacy(
                Operation.CLASSIFY_CONTENT_SENSITIVITY,
                context,
                input,
                legacy,
                "Content classified",
                request);
    }

    /**
     * Maps the legacy purpose check. The requester role is the caller's role; a {@code
     * requestContext.role} that names another role is an identity mismatch. For callers other than
     * administrators and system identities the engine itself raises it, with its audit entry.
     */
    @PostMapping("/validate-educational-purpose")
    ResponseEntity<LegacySuccessBody> validatePurpose(
            @RequestBody byte[] body, HttpServletRequest request) {
        CallContext context = CallContexts.of(request);
        LegacyBody legacy = LegacyBody.of(CanonicalController.parse(body));
        ObjectNode input = Json.object();
        copy(legacy.use("purpose"), input, "purpose");
        copy(legacy.use("requestContext.dataRequested"), input, "requestedData");

        Role callerRole = context.caller().role();
        JsonNode claimedRole = legacy.use("requestContext.role");
        if (claimedRole == null) {
            input.put("requesterRole", callerRole.toolName());
        } else {
            Optional<Role> claimed =
                    claimedRole.isString()
                            ? Role.fromToolName(claimedRole.asString())
                            : Optional.empty();
            boolean engineChecksIdentity =
                    callerRole != Role.ADMINISTRATOR && callerRole != Role.SYSTEM;
            if (claimed.isPresent() && claimed.get() != callerRole && !engineChecksIdentity) {
                // NOTE: this rejection is not audited, unlike the engine's own identity checks.
                throw ToolException.identityMismatch("requestContext.role");
            }
            if (claimed.isPresent()) {
                input.put("requesterRole", claimed.get().toolName());
            } else {
                // An unknown or mistyped role goes to the engine as given; its schema rejects it.
                input.set("requesterRole", claimedRole);
            }
        }

        return legacy(
                Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                context,
                input,
                legacy,
                "Purpose validated",
                request);
    }

    @PostMapping("/apply-ai-boundaries")
    ResponseEntity<LegacySuccessBody> applyAiBoundaries(
            @RequestBody byte[] body, HttpServletRequest request) {
        CallContext context = CallContexts.of(request);
        LegacyBody legacy = LegacyBody.of(CanonicalController.parse(body));
        ObjectNode input = Json.object();
        ObjectNode aiRequest = input.putObject("request");
        copy(legacy.use("aiRequest"), aiRequest, "prompt");
        copy(legacy.use("content"), aiRequest, "context");
        aiRequest.put("requestType", "assistance");
        ObjectNode studentContext = input.putObject("studentContext");
        studentContext.put("studentId", context.caller().id());
        copy(legacy.use("assignmentContext.type"), studentContext, "assignmentType");

        return legacy(
                Operation.APPLY_AI_BOUNDARIES,
                context,
                input,
                legacy,
                "AI boundaries applied",
                request);
    }

    @PostMapping("/audit-data-access")
    ResponseEntity<LegacySuccessBody> auditDataAccess(
            @RequestBody byte[] body,
            @RequestHeader(name = CanonicalController.IDEMPOTENCY_KEY, required = false)
                    @Nullable String idempotencyKey,
            HttpServletRequest request) {
        CallContext context = CallContexts.of(request);
        LegacyBody legacy = LegacyBody.of(CanonicalController.parse(body));
        ObjectNode input = Json.object();
        input.put("accessType", "read");
        copy(legacy.use("accessLog.userId"), input, "userId");
        copy(legacy.use("accessLog.dataType"), input, "dataType");
        input.put("accessedBy", context.caller().id());
        copy(legacy.use("accessLog.purpose"), input, "purpose");

        List<String> notices = legacy.ignoredFieldNotices();
        ToolResult result =
                idempotencyKey == null
                        ? invoker.invoke(Operation.AUDIT_WRITING_DATA_ACCESS, context, input)
                        : invoker.invokeIdempotent(
                                Operation.AUDIT_WRITING_DATA_ACCESS,
                                context,
                                input,
                                idempotencyKey);
        return Envelopes.legacySuccess(request, result, notices, "Data access audited");
    }

    @GetMapping("/health")
    ResponseEntity<LegacySuccessBody> health(HttpServletRequest request) {
        ToolResult result = new ToolResult(health.legacyStatus(), List.of());
        return Envelopes.legacySuccess(request, result, List.of(), "Health status");
    }

    private ResponseEntity<LegacySuccessBody> legacy(
            Operation operation,
            CallContext context,
            ObjectNode input,
            LegacyBody legacy,
            String message,
            HttpServletRequest request) {
        List<String> notices = legacy.ignoredFieldNotices();
        ToolResult result = invoker.invoke(operation, context, input);
        return Envelopes.legacySuccess(request, result, notices, message);
    }

    /**
     * Copies a present value under {@code name}; an absent one stays absent for the schema to
     * report.
     */
    private static void copy(@Nullable JsonNode value, ObjectNode target, String name) {
        if (value != null) {
            target.set(name, value);
        }
    }
}
