package dev.scribe.gateway.service;

import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.core.WritingAnalysisEngine;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Caller;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.heuristic.HeuristicTier;
import dev.scribe.writinganalysis.core.sensitivity.ElementType;
import dev.scribe.writinganalysis.core.sensitivity.LimitedScan;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The heuristic tier at the gateway: the access rules of writing-analysis §6.1 that the gateway can
 * decide, then the heuristic library of {@code writing-analysis-core}.
 *
 * <p>The gateway has the verified token but neither the consent store nor the course directory. So
 * it answers classification (2.5) and purpose validation (2.6), which need neither check, and class
 * insights for an educator whose token lists the course. Tools that need the subject's {@code
 * ai_analysis} or {@code progress_tracking} consent (2.1, 2.7, individual 2.4) are refused with
 * {@code CONSENT_UNAVAILABLE}, and aggregates that need the directory (an administrator's or
 * researcher's institution check) with {@code NO_TIER_AVAILABLE}: a check that cannot be made is
 * never skipped.
 */
public class GatewayHeuristicTier {

    private final HeuristicTier tier;
    private final LimitedScan scan = LimitedScan.withDefaults();

    public GatewayHeuristicTier(HeuristicTier tier) {
        this.tier = tier;
    }

    /**
     * Answers one request or throws {@link PlatformErrorException} with the refusal.
     *
     * @param justification the {@code X-Access-Justification} header, or null
     * @param strictPrivacy whether the AR-9 flag {@code strict-privacy} is on
     */
    public ToolResult answer(
            TieredOperation operation,
            UserClaims claims,
            String correlationId,
            String justification,
            byte[] body,
            boolean strictPrivacy) {
        CallContext context =
                CallContext.of(
                                new Caller(
                                        claims.subject(),
                                        dev.scribe.writinganalysis.core.api.Role.valueOf(
                                                claims.role().name()),
                                        claims.institution(),
                                        claims.courses(),
                                        claims.tokenVersion()),
                                correlationId)
                        .withAccessJustification(justification);
        try {
            JsonNode arguments = WritingAnalysisEngine.parseArguments(body);
            checkGatewayAccess(operation, claims, arguments);
            ToolResult result = tier.invoke(operation.operation(), context, arguments, null);
            if (strictPrivacy) {
                redactEchoedText(result.output());
            }
            return result;
        } catch (ToolException e) {
            throw new PlatformErrorException(e.code(), e.getMessage(), e.details(), Map.of(), null);
        }
    }

    private static void checkGatewayAccess(
            TieredOperation operation, UserClaims claims, JsonNode arguments) {
        switch (operation) {
            case SENSITIVITY, PURPOSE_VALIDATION -> {
                // §6.1: 2.5 and 2.6 need neither a relationship nor a consent check.
            }
            case PATTERNS, AI_BOUNDARIES, REFLECTIONS -> throw consentUnavailable();
            case INSIGHTS -> {
                JsonNode scope = arguments.get("scope");
                JsonNode target = arguments.get("targetId");
                if (scope == null || target == null) {
                    // Leave the schema error to the library, which names the field.
                    return;
                }
                if (scope.stringValue().equals("individual")) {
                    throw consentUnavailable();
                }
                Role role = claims.role();
                if (role == Role.EDUCATOR && scope.stringValue().equals("class")) {
                    // The token lists the courses the educator teaches.
                    if (!claims.courses().contains(target.stringValue())) {
                        throw new PlatformErrorException(
                                ErrorCode.FORBIDDEN,
                                "The caller is not allowed to perform this operation.");
                    }
                    return;
                }
                if (role == Role.ADMINISTRATOR || role == Role.RESEARCHER) {
                    // Their institution check needs the course directory.
                    throw new PlatformErrorException(
                            ErrorCode.NO_TIER_AVAILABLE,
                            "The service is unavailable and the access check cannot be made;"
                                    + " try again later.");
                }
                // Students and educators asking for a cohort: the library refuses by role.
            }
        }
    }

    private static PlatformErrorException consentUnavailable() {
        return new PlatformErrorException(
                ErrorCode.CONSENT_UNAVAILABLE,
                "The consent decision cannot be obtained right now; try again later.");
    }

    /**
     * AR-9 {@code strict-privacy}: text that a degraded tier echoes is redacted. Detected elements
     * lose their text (the type stays), and echoed prompt and context are scanned again. The local
     * tier's answers go through this too.
     */
    public void redactEchoedText(JsonNode output) {
        JsonNode elements = output.get("sensitiveElements");
        if (elements != null && elements.isArray()) {
            for (JsonNode element : elements) {
                String type = element.get("type").stringValue();
                ((ObjectNode) element).put("text", ElementType.fromWireName(type).placeholder());
            }
        }
        JsonNode modified = output.get("modifiedRequest");
        if (modified instanceof ObjectNode request) {
            for (String field : List.of("prompt", "context")) {
                JsonNode value = request.get(field);
                if (value != null && value.isString()) {
                    request.put(field, scan.scan(value.stringValue()).redactedContent());
                }
            }
        }
    }

    public static String message(TieredOperation operation) {
        return HeuristicTier.message(operation.operation());
    }
}
