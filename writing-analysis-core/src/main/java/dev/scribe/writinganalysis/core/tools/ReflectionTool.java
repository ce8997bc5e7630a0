package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.access.PurposeCode;
import dev.scribe.writinganalysis.core.access.SubjectGrant;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.DimensionScores;
import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.reflection.Dimensions;
import dev.scribe.writinganalysis.core.reflection.ReflectionScore;
import dev.scribe.writinganalysis.core.reflection.ReflectionScorer;
import dev.scribe.writinganalysis.core.sensitivity.Classification;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import dev.scribe.writinganalysis.core.validation.SemanticChecks;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scores a reflection, stores the result as the student's latest reflection and returns the
 * progressive AI-access level it implies ({@code evaluate_reflection_quality}).
 */
final class ReflectionTool implements Tool {

    /** Version of the scoring rules recorded with each stored reflection. */
    static final String SCORER_VERSION = "reflection-rules-1";

    private final ToolSupport support;
    private final SensitivityClassifier classifier;
    private final ReflectionScorer scorer;

    ReflectionTool(ToolSupport support, SensitivityClassifier classifier, ReflectionScorer scorer) {
        this.support = support;
        this.classifier = classifier;
        this.scorer = scorer;
    }

    @Override
    public ToolResult run(CallContext context, JsonNode arguments) {
        String reflection = arguments.get("reflection").stringValue();
        String userId = arguments.get("userId").stringValue();
        JsonNode assignmentContext = arguments.get("assignmentContext");
        String assignmentId = ToolSupport.text(assignmentContext, "assignmentId");
        SemanticChecks.requireToken("reflection", reflection);
        PurposeCode purpose =
                SemanticChecks.purpose("purpose", arguments.get("purpose").stringValue());

        AccessRequest request =
                new AccessRequest(
                        Operation.EVALUATE_REFLECTION_QUALITY,
                        userId,
                        "reflection_quality",
                        purpose,
                        "analyze",
                        null,
                        assignmentId);
        support.access().requireRoleField(context, request, ToolSupport.text(arguments, "role"));
        SubjectGrant grant = support.access().authorizeSubject(context, request);
        support.access().requireConsent(context, request, "ai_analysis");

        Classification classification = classifier.classify(reflection);
        boolean redacted =
                support.config().autoRedactPii() && classification.redactedElementCount() > 0;
        String scored = redacted ? classification.redactedContent() : reflection;
        ReflectionScore score = scorer.score(scored);

        String reflectionId = UUID.randomUUID().toString();
        Dimensions dimensions = score.dimensions();
        support.ports()
                .reflections()
                .save(
                        new ReflectionRecord(
                                reflectionId,
                                userId,
                                assignmentId,
                                score.overall(),
                                new DimensionScores(
                                        dimensions.depth(),
                                        dimensions.selfAwareness(),
                                        dimensions.criticalThinking(),
                                        dimensions.growthMindset(),
                                        dimensions.specificity()),
                                classification.sensitivityLevel().wireName(),
                                SCORER_VERSION,
                                support.now().truncatedTo(ChronoUnit.MILLIS),
                                redacted,
                                scored));

        publish(context, request, grant, classification, reflectionId, score);
        // The audit append locks the chain head until the commit, which serialises every instance
        // that shares the database, so it is the last write of the transaction.
        support.auditSuccess(
                context,
                request,
                reflectionId,
                true,
                support.baseDetails(context, request, grant.selfAccess()));

        ObjectNode output = Json.object();
        output.put("reflectionId", reflectionId);
        ObjectNode quality = output.putObject("quality");
        quality.put("overall", score.overall());
        quality.set("dimensions", Json.mapper().valueToTree(dimensions));
        output.set("feedback", Json.mapper().valueToTree(score.feedback()));
        ObjectNode privacy = output.putObject("privacyMetadata");
        privacy.put("sensitiveContentMasked", redacted);
        privacy.put("anonymizationApplied", redacted);
        ObjectNode access = output.putObject("progressiveAccess");
        access.put("currentLevel", score.level().wireName());
        access.set(
                "nextLevelRequirements", Json.mapper().valueToTree(score.nextLevelRequirements()));

        List<String> notices = ToolSupport.consentNotice(arguments);
        if (assignmentContext != null && assignmentContext.has("rubric")) {
            notices.add("FIELD_IGNORED:rubric");
        }
        return new ToolResult(output, notices);
    }

    private void publish(
            CallContext context,
            AccessRequest request,
            SubjectGrant grant,
            Classification classification,
            String reflectionId,
            ReflectionScore score) {
        EventScope scope = support.scope(request, true, EventScope.REFLECTION_DAYS);
        support.dataAccessed(
                context,
                request,
                scope,
                ToolSupport.accessPurpose(context, grant),
                "reflection-data",
                1,
                1,
                null);
        ClassifyTool.publishClassified(support, context, request, classification, "reflection");

        ObjectNode payload = Json.object();
        payload.put("subjectPseudonym", support.events().pseudonym(request.subjectId()));
        payload.put("reflectionId", reflectionId);
        payload.put("assignmentId", request.assignmentId());
        payload.put("quality", score.overall());
        payload.put("progressiveAccessLevel", score.level().wireName());
        support.events()
                .domain(
                        context,
                        request.operation(),
                        "reflection.quality.assessed",
                        request.subjectId(),
                        scope,
                        payload);
    }
}
