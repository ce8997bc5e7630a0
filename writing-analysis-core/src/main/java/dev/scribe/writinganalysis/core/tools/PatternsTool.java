package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.access.PurposeCode;
import dev.scribe.writinganalysis.core.access.SubjectGrant;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.patterns.PatternOptions;
import dev.scribe.writinganalysis.core.patterns.Patterns;
import dev.scribe.writinganalysis.core.patterns.WritingPatternAnalyzer;
import dev.scribe.writinganalysis.core.port.RetainedContent;
import dev.scribe.writinganalysis.core.sensitivity.Classification;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import dev.scribe.writinganalysis.core.validation.SemanticChecks;
import dev.scribe.writinganalysis.core.validation.SemanticChecks.SectionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Analyses writing patterns ({@code analyze_writing_patterns}) after a privacy pre-check: the
 * classifier runs first, and the redacted text is analysed when automatic redaction is on and a
 * redactable element exists.
 */
final class PatternsTool implements Tool {

    private final ToolSupport support;
    private final SensitivityClassifier classifier;
    private final WritingPatternAnalyzer analyzer;

    PatternsTool(
            ToolSupport support,
            SensitivityClassifier classifier,
            WritingPatternAnalyzer analyzer) {
        this.support = support;
        this.classifier = classifier;
        this.analyzer = analyzer;
    }

    @Override
    public ToolResult run(CallContext context, JsonNode arguments) {
        String content = arguments.get("content").stringValue();
        String userId = arguments.get("userId").stringValue();
        JsonNode educational = arguments.get("educationalContext");
        SectionOptions sections = SemanticChecks.sections(arguments.get("options"));
        SemanticChecks.requireToken("content", content);
        PurposeCode purpose =
                SemanticChecks.purpose("purpose", arguments.get("purpose").stringValue());

        AccessRequest request =
                new AccessRequest(
                        Operation.ANALYZE_WRITING_PATTERNS,
                        userId,
                        "writing_patterns",
                        purpose,
                        "analyze",
                        ToolSupport.text(educational, "courseId"),
                        ToolSupport.text(educational, "assignmentId"));
        support.access().requireRoleField(context, request, ToolSupport.text(arguments, "role"));
        SubjectGrant grant = support.access().authorizeSubject(context, request);
        support.access().requireConsent(context, request, "ai_analysis");

        Classification classification = classifier.classify(content);
        boolean redacted =
                support.config().autoRedactPii() && classification.redactedElementCount() > 0;
        String analysed = redacted ? classification.redactedContent() : content;
        Patterns patterns =
                analyzer.analyze(
                        analysed,
                        new PatternOptions(
                                sections.includeStructure(),
                                sections.includeSentiment(),
                                sections.includeComplexity()));

        String contentId = null;
        if (sections.retainContent()) {
            contentId = UUID.randomUUID().toString();
            support.ports()
                    .retainedContent()
                    .save(
                            new RetainedContent(
                                    contentId,
                                    userId,
                                    request.courseId(),
                                    request.assignmentId(),
                                    analysed.length(),
                                    redacted,
                                    support.now(),
                                    analysed));
        }

        ObjectNode details = support.baseDetails(context, request, grant.selfAccess());
        details.put("retainContent", sections.retainContent());
        publish(context, request, grant, classification, patterns);
        // The audit append locks the chain head until the commit, which serialises every instance
        // that shares the database, so it is the last write of the transaction.
        support.auditSuccess(context, request, contentId, true, details);

        ObjectNode output = Json.object();
        output.set("patterns", Json.mapper().valueToTree(patterns));
        ObjectNode privacy = output.putObject("privacyMetadata");
        privacy.put("contentRedacted", redacted);
        privacy.put(
                "sensitiveElementsRemoved", redacted ? classification.redactedElementCount() : 0);
        privacy.put("analysisScope", redacted ? "limited" : "full");
        output.put("timestamp", Json.timestamp(support.now()));

        List<String> notices = ToolSupport.consentNotice(arguments);
        if (sections.defaulted()) {
            notices.add("OPTIONS_DEFAULTED");
        }
        return new ToolResult(output, notices);
    }

    private void publish(
            CallContext context,
            AccessRequest request,
            SubjectGrant grant,
            Classification classification,
            Patterns patterns) {
        EventScope scope = support.scope(request, true, EventScope.WRITING_CONTENT_DAYS);
        support.dataAccessed(
                context,
                request,
                scope,
                ToolSupport.accessPurpose(context, grant),
                "student-writing",
                1,
                1,
                null);
        ClassifyTool.publishClassified(support, context, request, classification, "essay");

        List<String> detected = new ArrayList<>();
        if (patterns.structure() != null) {
            detected.add("structure");
        }
        if (patterns.sentiment() != null) {
            detected.add("sentiment");
        }
        if (patterns.complexity() != null) {
            detected.add("complexity");
        }
        if (patterns.style() != null) {
            detected.add("style");
        }
        ObjectNode payload = Json.object();
        payload.put("subjectPseudonym", support.events().pseudonym(request.subjectId()));
        payload.put("sensitivityLevel", classification.sensitivityLevel().wireName());
        payload.set("patternsDetected", Json.mapper().valueToTree(detected));
        support.events()
                .domain(
                        context,
                        request.operation(),
                        "writing.analyzed",
                        request.subjectId(),
                        scope,
                        payload);
    }
}
