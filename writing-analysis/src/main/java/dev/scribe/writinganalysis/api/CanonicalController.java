package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.SuccessEnvelope;
import dev.scribe.writinganalysis.core.WritingAnalysisEngine;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.service.ToolInvoker;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical routes: each POST body is exactly the tool input, and the engine validates it
 * against the tool's closed schema. Identity comes from the user assertion only.
 */
@RestController
@RequestMapping(Routes.CANONICAL_PREFIX)
public class CanonicalController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ToolInvoker invoker;

    public CanonicalController(ToolInvoker invoker) {
        this.invoker = invoker;
    }

    @PostMapping("/patterns")
    ResponseEntity<SuccessEnvelope<JsonNode>> analyzePatterns(
            @RequestBody byte[] body, HttpServletRequest request) {
        return run(Operation.ANALYZE_WRITING_PATTERNS, parse(body), request);
    }

    @PostMapping("/reflections/evaluate")
    ResponseEntity<SuccessEnvelope<JsonNode>> evaluateReflection(
            @RequestBody byte[] body, HttpServletRequest request) {
        return run(Operation.EVALUATE_REFLECTION_QUALITY, parse(body), request);
    }

    @PostMapping("/progress")
    ResponseEntity<SuccessEnvelope<JsonNode>> trackProgress(
            @RequestBody byte[] body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Nullable String idempotencyKey,
            HttpServletRequest request) {
        return runIdempotent(
                Operation.TRACK_WRITING_PROGRESS, parse(body), idempotencyKey, request);
    }

    @GetMapping("/progress/{studentId}")
    ResponseEntity<SuccessEnvelope<JsonNode>> readProgress(
            @PathVariable String studentId,
            @RequestParam(required = false) @Nullable String assignmentId,
            HttpServletRequest request) {
        ObjectNode arguments = Json.object();
        arguments.put("studentId", studentId);
        if (assignmentId != null) {
            arguments.put("assignmentId", assignmentId);
        }
        return run(Operation.READ_WRITING_PROGRESS, arguments, request);
    }

    @PostMapping("/insights")
    ResponseEntity<SuccessEnvelope<JsonNode>> generateInsights(
            @RequestBody byte[] body, HttpServletRequest request) {
        return run(Operation.GENERATE_WRITING_INSIGHTS, parse(body), request);
    }

    @PostMapping("/sensitivity")
    ResponseEntity<SuccessEnvelope<JsonNode>> classifySensitivity(
            @RequestBody byte[] body, HttpServletRequest request) {
        return run(Operation.CLASSIFY_CONTENT_SENSITIVITY, parse(body), request);
    }

    @PostMapping("/purpose-validation")
    ResponseEntity<SuccessEnvelope<JsonNode>> validatePurpose(
            @RequestBody byte[] body, HttpServletRequest request) {
        return run(Operation.VALIDATE_EDUCATIONAL_PURPOSE, parse(body), request);
    }

    @PostMapping("/ai-boundaries")
    ResponseEntity<SuccessEnvelope<JsonNode>> applyAiBoundaries(
            @RequestBody byte[] body, HttpServletRequest request) {
        return run(Operation.APPLY_AI_BOUNDARIES, parse(body), request);
    }

    @PostMapping("/audit")
    ResponseEntity<SuccessEnvelope<JsonNode>> auditDataAccess(
            @RequestBody byte[] body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Nullable String idempotencyKey,
            HttpServletRequest request) {
        return runIdempotent(
                Operation.AUDIT_WRITING_DATA_ACCESS, parse(body), idempotencyKey, request);
    }

    @GetMapping("/audit/verify")
    ResponseEntity<SuccessEnvelope<JsonNode>> verifyAuditChain(
            @RequestParam(required = false) @Nullable Long from,
            @RequestParam(required = false) @Nullable Long to,
            HttpServletRequest request) {
        ObjectNode arguments = Json.object();
        if (from != null) {
            arguments.put("from", from);
        }
        if (to != null) {
            arguments.put("to", to);
        }
        return run(Operation.VERIFY_AUDIT_CHAIN, arguments, request);
    }

    /**
     * Parses the body with the engine's own parser, so that HTTP and MCP read the same bytes into
     * the same arguments.
     */
    static JsonNode parse(byte[] body) {
        return WritingAnalysisEngine.parseArguments(body);
    }

    private ResponseEntity<SuccessEnvelope<JsonNode>> run(
            Operation operation, JsonNode arguments, HttpServletRequest request) {
        ToolResult result = invoker.invoke(operation, CallContexts.of(request), arguments);
        return Envelopes.success(request, result);
    }

    private ResponseEntity<SuccessEnvelope<JsonNode>> runIdempotent(
            Operation operation,
            JsonNode arguments,
            @Nullable String idempotencyKey,
            HttpServletRequest request) {
        if (idempotencyKey == null) {
            return run(operation, arguments, request);
        }
        ToolResult result =
                invoker.invokeIdempotent(
                        operation, CallContexts.of(request), arguments, idempotencyKey);
        return Envelopes.success(request, result);
    }
}
