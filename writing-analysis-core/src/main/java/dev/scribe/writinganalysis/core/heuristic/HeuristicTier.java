package dev.scribe.writinganalysis.core.heuristic;

import dev.scribe.writinganalysis.core.access.AccessControl;
import dev.scribe.writinganalysis.core.access.PurposeCode;
import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.boundaries.AiBoundaryRules;
import dev.scribe.writinganalysis.core.boundaries.BoundaryDecision;
import dev.scribe.writinganalysis.core.boundaries.RequestType;
import dev.scribe.writinganalysis.core.boundaries.Violation;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.json.ToolSchemas;
import dev.scribe.writinganalysis.core.patterns.PatternOptions;
import dev.scribe.writinganalysis.core.patterns.Patterns;
import dev.scribe.writinganalysis.core.patterns.WritingPatternAnalyzer;
import dev.scribe.writinganalysis.core.sensitivity.LimitedScan;
import dev.scribe.writinganalysis.core.sensitivity.SensitiveElement;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import dev.scribe.writinganalysis.core.validation.ArgumentValidator;
import dev.scribe.writinganalysis.core.validation.SemanticChecks;
import dev.scribe.writinganalysis.core.validation.SemanticChecks.SectionOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The heuristic tier of writing-analysis §6.2: cheap, deterministic answers with no database, for
 * the gateway's tier router and for the service when its own store is down.
 *
 * <p>What this class checks: the input schema, identity fields against the token, and the role
 * rules of §4.2 that the token alone decides (including the break-glass justification). What the
 * host must check before calling: relationships (taught student, own institution) and consent,
 * which need the directory and the consent store; if the host cannot make such a check it must
 * refuse instead of calling here (§6.1). 2.2 and 2.3 also need the host's durable outbox: the host
 * writes the entry first and passes its id, which becomes {@code reflectionId}.
 *
 * <p>2.6 and 2.7 fail closed (platform AR-13) and carry the notice {@value #VALIDATOR_UNAVAILABLE}.
 * 2.8 has no heuristic answer here because its privacy flags and replay belong to the outbox owner.
 * Thread-safe.
 */
public final class HeuristicTier {

    /** Notice on every heuristic answer. */
    public static final String DEGRADED_NOTICE = "DEGRADED_HEURISTIC_TIER";

    /** Notice on the fail-closed answers of purpose validation and AI boundaries. */
    public static final String VALIDATOR_UNAVAILABLE = "VALIDATOR_UNAVAILABLE";

    private static final Set<Operation> SUPPORTED =
            EnumSet.of(
                    Operation.ANALYZE_WRITING_PATTERNS,
                    Operation.EVALUATE_REFLECTION_QUALITY,
                    Operation.TRACK_WRITING_PROGRESS,
                    Operation.GENERATE_WRITING_INSIGHTS,
                    Operation.CLASSIFY_CONTENT_SENSITIVITY,
                    Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                    Operation.APPLY_AI_BOUNDARIES);

    private static final Map<Operation, String> MESSAGES =
            Map.of(
                    Operation.ANALYZE_WRITING_PATTERNS,
                    "Writing analysis is limited right now: sentiment is not available.",
                    Operation.EVALUATE_REFLECTION_QUALITY,
                    "Reflection scoring is limited right now; your reflection will be scored in"
                            + " full later.",
                    Operation.TRACK_WRITING_PROGRESS,
                    "Progress is saved and will be recorded later.",
                    Operation.GENERATE_WRITING_INSIGHTS,
                    "Insights are temporarily unavailable.",
                    Operation.CLASSIFY_CONTENT_SENSITIVITY,
                    "Sensitivity detection is limited right now; review this content manually.",
                    Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                    "Automatic purpose validation is unavailable; the request needs manual review.",
                    Operation.APPLY_AI_BOUNDARIES,
                    "The full AI-assistance check is unavailable; only restricted help is"
                            + " allowed.");

    private static final Map<String, Double> DATA_SENSITIVITY =
            Map.of(
                    "reflection", 0.9,
                    "personal_notes", 0.9,
                    "writing_content", 0.7,
                    "progress_metrics", 0.5,
                    "aggregated_analytics", 0.3,
                    "course_data", 0.2);
    private static final double DEFAULT_SENSITIVITY = 0.5;
    private static final Set<String> PERSONAL_TYPES = Set.of("reflection", "personal_notes");

    private static final double MIN_PROGRESS_LEVEL = 0.6;

    private final HeuristicConfig config;
    private final Clock clock;
    private final ArgumentValidator validator;
    private final HeuristicClassifier classifier;
    private final HeuristicReflection reflection = new HeuristicReflection();
    private final WritingPatternAnalyzer analyzer = WritingPatternAnalyzer.withDefaults();
    private final AiBoundaryRules boundaryRules;

    public HeuristicTier(HeuristicConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validator = new ArgumentValidator(new ToolSchemas(Json.mapper()));
        this.classifier = new HeuristicClassifier(LimitedScan.withDefaults());
        // Only the rule evaluation of these rules is used; their full-classifier redaction result
        // is replaced by heuristic redaction below.
        this.boundaryRules =
                new AiBoundaryRules(
                        SensitivityClassifier.withDefaults(),
                        config.blockDirectAnswers(),
                        config.maxAiContextLength());
    }

    /** Tests whether this tier answers the operation. */
    public static boolean supports(Operation operation) {
        return SUPPORTED.contains(operation);
    }

    /** Tests whether the host must write a durable outbox entry first and pass its id. */
    public static boolean needsOutbox(Operation operation) {
        return operation == Operation.EVALUATE_REFLECTION_QUALITY
                || operation == Operation.TRACK_WRITING_PROGRESS;
    }

    /** Returns the short user-facing text for {@code meta.message}. */
    public static String message(Operation operation) {
        return MESSAGES.getOrDefault(operation, "This answer is limited.");
    }

    /**
     * Answers one call.
     *
     * @param outboxId id of the host's durable outbox entry for 2.2 and 2.3, else ignored
     * @throws ToolException {@code INVALID_ARGUMENT}, {@code IDENTITY_MISMATCH}, {@code FORBIDDEN}
     *     for token-decided rules; {@code UNAVAILABLE} for an operation without heuristic answer or
     *     a missing outbox id
     */
    public ToolResult invoke(
            Operation operation, CallContext context, JsonNode arguments, String outboxId) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(context, "context");
        if (!supports(operation)) {
            throw ToolException.unavailable("NO_HEURISTIC_TIER");
        }
        if (needsOutbox(operation) && (outboxId == null || outboxId.isBlank())) {
            throw ToolException.unavailable("OUTBOX_UNAVAILABLE");
        }

        JsonNode args =
                arguments == null || arguments.isNull() || arguments.isMissingNode()
                        ? Json.object()
                        : arguments;
        validator.validate(operation, args);

        List<String> notices = new ArrayList<>();
        notices.add(DEGRADED_NOTICE);
        if (args.has("consent")) {
            notices.add("FIELD_IGNORED:consent");
        }
        ObjectNode output =
                switch (operation) {
                    case ANALYZE_WRITING_PATTERNS -> patterns(context, args, notices);
                    case EVALUATE_REFLECTION_QUALITY -> reflection(context, args, outboxId);
                    case TRACK_WRITING_PROGRESS -> progress(context, args);
                    case GENERATE_WRITING_INSIGHTS -> insights(context, args);
                    case CLASSIFY_CONTENT_SENSITIVITY -> classify(args);
                    case VALIDATE_EDUCATIONAL_PURPOSE -> purpose(context, args, notices);
                    case APPLY_AI_BOUNDARIES -> boundaries(context, args, notices);
                    default -> throw ToolException.unavailable("NO_HEURISTIC_TIER");
                };
        return new ToolResult(output, notices);
    }

    // --- 2.1 -----------------------------------------------------------------------------------

    private ObjectNode patterns(CallContext context, JsonNode args, List<String> notices) {
        String content = args.get("content").stringValue();
        SemanticChecks.requireToken("content", content);
        requireRoleField(context, args);
        String subjectId = args.get("userId").stringValue();
        requirePurpose(context, args, subjectId.equals(context.caller().id()), false);
        requireSubjectRole(context, subjectId);
        SectionOptions sections = SemanticChecks.sections(args.get("options"));

        LimitedScan.Result scan = classifier.redact(content);
        boolean redacted = config.autoRedactPii() && scan.redacted();
        String analysed = redacted ? scan.redactedContent() : content;
        // The tier carries no lexicon, so sentiment is never computed (null, not a placeholder).
        Patterns computed =
                analyzer.analyze(
                        analysed,
                        new PatternOptions(
                                sections.includeStructure(), false, sections.includeComplexity()));
        Patterns patterns =
                new Patterns(computed.structure(), null, computed.complexity(), computed.style());

        ObjectNode output = Json.object();
        output.set("patterns", Json.mapper().valueToTree(patterns));
        ObjectNode privacy = output.putObject("privacyMetadata");
        privacy.put("contentRedacted", redacted);
        privacy.put("sensitiveElementsRemoved", redacted ? scan.elements().size() : 0);
        privacy.put("analysisScope", redacted ? "limited" : "full");
        fallbackFlags(privacy);
        output.put("timestamp", Json.timestamp(clock.instant()));

        if (sections.retainContent()) {
            notices.add("FIELD_IGNORED:retainContent");
        }
        if (sections.defaulted()) {
            notices.add("OPTIONS_DEFAULTED");
        }
        return output;
    }

    // --- 2.2 -----------------------------------------------------------------------------------

    private ObjectNode reflection(CallContext context, JsonNode args, String outboxId) {
        String text = args.get("reflection").stringValue();
        SemanticChecks.requireToken("reflection", text);
        requireRoleField(context, args);
        String subjectId = args.get("userId").stringValue();
        requirePurpose(context, args, subjectId.equals(context.caller().id()), false);
        requireSubjectRole(context, subjectId);

        LimitedScan.Result scan = classifier.redact(text);
        boolean masked = config.autoRedactPii() && scan.redacted();
        HeuristicReflection.Score score = reflection.score(masked ? scan.redactedContent() : text);

        ObjectNode output = Json.object();
        output.put("reflectionId", outboxId);
        ObjectNode quality = output.putObject("quality");
        quality.put("overall", score.overall());
        ObjectNode dimensions = quality.putObject("dimensions");
        dimensions.put("depth", score.depth());
        dimensions.put("selfAwareness", score.selfAwareness());
        dimensions.put("criticalThinking", score.criticalThinking());
        dimensions.put("growthMindset", score.growthMindset());
        dimensions.putNull("specificity");
        output.set("feedback", Json.mapper().valueToTree(score.feedback()));
        ObjectNode privacy = output.putObject("privacyMetadata");
        privacy.put("sensitiveContentMasked", masked);
        privacy.put("anonymizationApplied", masked);
        fallbackFlags(privacy);
        ObjectNode access = output.putObject("progressiveAccess");
        access.put("currentLevel", score.level().wireName());
        access.set(
                "nextLevelRequirements", Json.mapper().valueToTree(score.nextLevelRequirements()));
        return output;
    }

    // --- 2.3 -----------------------------------------------------------------------------------

    private ObjectNode progress(CallContext context, JsonNode args) {
        requireRoleField(context, args);
        Role role = context.caller().role();
        boolean self = args.get("userId").stringValue().equals(context.caller().id());
        requirePurpose(context, args, self, false);
        if (!(role == Role.STUDENT && self)) {
            throw ToolException.forbidden("ROLE_NOT_ALLOWED");
        }

        JsonNode metrics = args.get("metrics");
        long revisions = metrics.has("revisions") ? metrics.get("revisions").longValue() : 0;
        ObjectNode output = Json.object();
        output.put("sessionId", args.get("sessionId").stringValue());
        output.put("progressRecorded", false);
        output.put("privacyCompliant", true);
        output.put("pendingReplay", true);
        ObjectNode recorded = output.putObject("recordedMetrics");
        recorded.put("wordCount", nearest(metrics.get("wordCount").longValue(), 10));
        recorded.put("timeSpent", nearest(metrics.get("timeSpent").longValue(), 60));
        recorded.put("revisions", revisions);
        output.putNull("aggregatedMetrics");
        output.putArray("interventionTriggers");
        return output;
    }

    /** Nearest multiple of {@code step}, half up, as §2.3 step 2 minimises. */
    static long nearest(long value, long step) {
        return ((value + step / 2) / step) * step;
    }

    // --- 2.4 -----------------------------------------------------------------------------------

    private ObjectNode insights(CallContext context, JsonNode args) {
        String scope = args.get("scope").stringValue();
        requireRoleField(context, args);
        Role role = context.caller().role();
        boolean individual = scope.equals("individual");
        requirePurpose(
                context,
                args,
                individual && args.get("targetId").stringValue().equals(context.caller().id()),
                !individual);
        if (individual) {
            requireSubjectRole(context, args.get("targetId").stringValue());
        } else if (role == Role.STUDENT
                || (scope.equals("cohort") && role == Role.EDUCATOR)
                || role == Role.SYSTEM) {
            throw ToolException.forbidden("ROLE_NOT_ALLOWED");
        } else if (role == Role.RESEARCHER
                && SemanticChecks.purpose("purpose", args.get("purpose").stringValue())
                        != PurposeCode.RESEARCH) {
            throw ToolException.forbidden("PURPOSE_NOT_PERMITTED");
        }

        ObjectNode output = Json.object();
        ObjectNode insights = output.putObject("insights");
        insights.put("summary", "Insights are temporarily unavailable.");
        ObjectNode keyMetrics = insights.putObject("keyMetrics");
        for (String field : keyMetricFields(scope)) {
            keyMetrics.putNull(field);
        }
        insights.putArray("trends");
        insights.put("dataPointsIncluded", 0);
        JsonNode include = args.get("includeRecommendations");
        if (include != null && include.booleanValue()) {
            output.putArray("recommendations")
                    .add("Insights are temporarily limited; try again later.")
                    .add("Use your course's own progress views in the meantime.")
                    .add("Contact support if this persists.");
        }
        ObjectNode privacy = output.putObject("privacyMetadata");
        privacy.put("aggregationLevel", scope);
        privacy.put("differentialPrivacyApplied", false);
        privacy.put("dataPointsIncluded", 0);
        privacy.put("consentCompliant", true);
        privacy.put("epsilonSpent", 0);
        privacy.putNull("privacyBudgetRemaining");
        privacy.put("fallbackMode", true);
        privacy.put("limitedData", true);
        return output;
    }

    static List<String> keyMetricFields(String scope) {
        return switch (scope) {
            case "individual" ->
                    List.of(
                            "totalSessions",
                            "totalWords",
                            "totalTime",
                            "averageSessionLength",
                            "averageWordsPerMinute",
                            "reflectionCount",
                            "reflectionQuality");
            case "class" ->
                    List.of(
                            "classSize",
                            "activeStudents",
                            "engagementRate",
                            "averageWordsPerStudent",
                            "averageReflectionQuality",
                            "completionRate");
            default ->
                    List.of(
                            "cohortSize",
                            "activeStudents",
                            "engagementRate",
                            "averageWordsPerStudent",
                            "averageReflectionQuality",
                            "completionRate",
                            "qualityDistribution");
        };
    }

    // --- 2.5 -----------------------------------------------------------------------------------

    private ObjectNode classify(JsonNode args) {
        String content = args.get("content").stringValue();
        SemanticChecks.requireToken("content", content);
        HeuristicClassifier.Result result = classifier.classify(content);

        ObjectNode output = Json.object();
        output.put("sensitivityLevel", result.sensitivityLevel().wireName());
        output.set("sensitivityScore", Json.decimal(result.sensitivityScore()));
        ArrayNode elements = output.putArray("sensitiveElements");
        for (SensitiveElement element : result.sensitiveElements()) {
            ObjectNode item = elements.addObject();
            item.put("type", element.type());
            item.put("text", element.text());
            item.put("startIndex", element.startIndex());
            item.put("endIndex", element.endIndex());
            item.set("confidence", Json.decimal(element.confidence()));
        }
        output.set("recommendations", Json.mapper().valueToTree(result.recommendations()));
        output.put("redactedContent", result.redactedContent());
        output.put("manualReviewRequired", true);
        output.put("classificationTimestamp", Json.timestamp(clock.instant()));
        return output;
    }

    // --- 2.6 -----------------------------------------------------------------------------------

    private ObjectNode purpose(CallContext context, JsonNode args, List<String> notices) {
        String requesterRole = args.get("requesterRole").stringValue();
        Role callerRole = context.caller().role();
        boolean mayActForOthers = callerRole == Role.ADMINISTRATOR || callerRole == Role.SYSTEM;
        if (!mayActForOthers && !requesterRole.equals(callerRole.toolName())) {
            throw ToolException.identityMismatch("requesterRole");
        }
        List<String> requested = new ArrayList<>();
        args.get("requestedData").forEach(item -> requested.add(key(item.stringValue())));
        int targets = args.has("targetUsers") ? args.get("targetUsers").size() : 0;

        boolean researcher = requesterRole.equals("researcher");
        boolean valid =
                config.lowRiskDataTypes().containsAll(requested) && !researcher && targets <= 10;

        ObjectNode output = Json.object();
        output.put("valid", valid);
        output.putNull("score");
        output.put("approvalRequired", !valid);
        ObjectNode justification = output.putObject("justification");
        justification.putNull("educationalBenefit");
        justification.putNull("platformImprovement");
        justification.putNull("studentBenefit");
        justification.putNull("researchValue");
        ArrayNode recommendations = output.putArray("recommendations");
        if (!valid) {
            recommendations.add(
                    "Automatic validation is unavailable; this request needs manual review.");
            output.set(
                    "requiredApprovers",
                    Json.mapper().valueToTree(approvers(requested, researcher, targets)));
        }
        output.put("reasonCode", VALIDATOR_UNAVAILABLE);
        notices.add(VALIDATOR_UNAVAILABLE);
        return output;
    }

    /** The approver rules of §2.6, de-duplicated, in their fixed order. */
    static List<String> approvers(List<String> requested, boolean researcher, int targets) {
        Set<String> approvers = new LinkedHashSet<>();
        boolean personal = false;
        for (String type : requested) {
            if (DATA_SENSITIVITY.getOrDefault(type, DEFAULT_SENSITIVITY) > 0.7) {
                approvers.add("privacy_officer");
            }
            personal |= PERSONAL_TYPES.contains(type);
        }
        if (researcher) {
            approvers.add("irb_committee");
        }
        if (targets > 5) {
            approvers.add("department_head");
        }
        if (personal) {
            approvers.add("educational_director");
        }
        if (approvers.isEmpty()) {
            approvers.add("privacy_officer");
        }
        return List.copyOf(approvers);
    }

    private static String key(String dataType) {
        return dataType.toLowerCase(Locale.ROOT);
    }

    // --- 2.7 -----------------------------------------------------------------------------------

    private ObjectNode boundaries(CallContext context, JsonNode args, List<String> notices) {
        JsonNode request = args.get("request");
        JsonNode student = args.get("studentContext");
        String prompt = request.get("prompt").stringValue();
        SemanticChecks.requireToken("request.prompt", prompt);
        String contextText = request.has("context") ? request.get("context").stringValue() : "";
        RequestType type =
                request.has("requestType")
                        ? RequestType.fromWireName(request.get("requestType").stringValue())
                        : RequestType.ASSISTANCE;
        String studentId =
                student != null && student.has("studentId")
                        ? student.get("studentId").stringValue()
                        : null;
        if (studentId == null) {
            if (context.caller().role() != Role.STUDENT) {
                throw ToolException.invalid(
                        "studentContext.studentId", "required for a non-student caller", "absent");
            }
            studentId = context.caller().id();
        }
        requireSubjectRole(context, studentId);

        // Without the stored reflection history only the compatibility fields can be used, and
        // only to restrict: both must be present and sufficient.
        boolean reflectionCompleted =
                student != null
                        && student.has("reflectionCompleted")
                        && student.get("reflectionCompleted").booleanValue();
        boolean progressSufficient =
                student != null
                        && student.has("progressLevel")
                        && student.get("progressLevel").isNumber()
                        && student.get("progressLevel").doubleValue() >= MIN_PROGRESS_LEVEL;

        BoundaryDecision rules =
                boundaryRules.evaluate(
                        prompt, "", type, AccessLevel.RESTRICTED, reflectionCompleted);

        List<Violation> violations = new ArrayList<>();
        List<String> suggestions = new ArrayList<>();
        violations.add(
                new Violation(
                        "fallback_mode",
                        "The full AI-assistance check is temporarily unavailable."));
        violations.add(
                new Violation(
                        "restricted_assistance",
                        "Only explanations and feedback are available for now."));
        suggestions.add("Ask for an explanation of a concept or for feedback on your own draft.");
        if (!reflectionCompleted || !progressSufficient) {
            violations.add(
                    new Violation(
                            "insufficient_reflection",
                            "Assistance needs a completed reflection while the full check is"
                                    + " unavailable."));
            suggestions.add("Complete your reflection, then try again later.");
        }
        violations.addAll(rules.violations());
        suggestions.addAll(rules.suggestions());
        boolean allowed = reflectionCompleted && progressSufficient && rules.allowed();

        ObjectNode output = Json.object();
        output.put("allowed", allowed);
        List<String> modifications = new ArrayList<>();
        if (allowed) {
            LimitedScan.Result redactedPrompt = classifier.redact(prompt);
            LimitedScan.Result redactedContext = classifier.redact(contextText);
            String cut = cut(redactedContext.redactedContent());
            if (redactedPrompt.redacted() || redactedContext.redacted()) {
                modifications.add("pii_redacted");
            }
            if (cut.length() != redactedContext.redactedContent().length()) {
                modifications.add("context_truncated");
            }
            ObjectNode modified = output.putObject("modifiedRequest");
            modified.put("prompt", redactedPrompt.redactedContent());
            modified.put("context", cut);
            modified.put("requestType", type.wireName());
        }
        // The fixed fallback codes document the mode; the reason is the first real restriction.
        output.put("reason", allowed ? "" : violations.get(2).message());
        output.set("suggestions", Json.mapper().valueToTree(suggestions));
        output.set(
                "boundariesApplied",
                Json.mapper().valueToTree(violations.stream().map(Violation::code).toList()));
        output.set("violations", Json.mapper().valueToTree(violations));
        output.put("accessLevel", "restricted");
        output.set("modifications", Json.mapper().valueToTree(modifications));
        notices.add(VALIDATOR_UNAVAILABLE);
        return output;
    }

    private String cut(String text) {
        int max = config.maxAiContextLength();
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...[truncated]";
    }

    // --- shared --------------------------------------------------------------------------------

    private static void fallbackFlags(ObjectNode privacy) {
        privacy.put("fallbackMode", true);
        privacy.put("limitedAnalysis", true);
        privacy.put("mcpUnavailable", true);
    }

    /** The declared purpose must be a known code that the caller's role may use here (§1.7). */
    private static void requirePurpose(
            CallContext context, JsonNode args, boolean self, boolean aggregateInsights) {
        PurposeCode purpose = SemanticChecks.purpose("purpose", args.get("purpose").stringValue());
        boolean permitted =
                purpose.declarableBy(context.caller().role())
                        && switch (purpose.restriction()) {
                            case NONE -> true;
                            case AGGREGATE_INSIGHTS_ONLY -> aggregateInsights;
                            case SELF_ACCESS_ONLY -> self;
                            case AUDIT_ONLY -> false;
                        };
        if (!permitted) {
            throw ToolException.forbidden("PURPOSE_NOT_PERMITTED");
        }
    }

    /** The compatibility {@code role} field must name the caller's own role (§4.1). */
    private static void requireRoleField(CallContext context, JsonNode args) {
        JsonNode role = args.get("role");
        if (role == null || role.isNull()) {
            return;
        }
        boolean matches =
                Role.fromToolName(role.stringValue())
                        .map(r -> r == context.caller().role())
                        .orElse(false);
        if (!matches) {
            throw ToolException.identityMismatch("role");
        }
    }

    /**
     * The role rules of §4.2 for one subject that the token alone decides: students only about
     * themselves, researchers and unasserted system identities never, administrators only with a
     * break-glass justification. Teaching and institution relationships are the host's check.
     */
    private static void requireSubjectRole(CallContext context, String subjectId) {
        Role role = context.caller().role();
        switch (role) {
            case STUDENT -> {
                if (!context.caller().id().equals(subjectId)) {
                    throw ToolException.forbidden("NOT_SELF");
                }
            }
            case EDUCATOR -> {
                // The host checks the teaching relationship before calling this tier.
            }
            case ADMINISTRATOR -> {
                String justification = context.accessJustification();
                if (justification == null
                        || justification.strip().length()
                                < AccessControl.MIN_JUSTIFICATION_LENGTH) {
                    throw ToolException.forbidden("JUSTIFICATION_REQUIRED");
                }
            }
            default -> throw ToolException.forbidden("ROLE_NOT_ALLOWED");
        }
    }
}
