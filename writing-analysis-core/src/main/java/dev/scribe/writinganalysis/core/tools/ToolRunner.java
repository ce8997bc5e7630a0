package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.EngineConfig;
import dev.scribe.writinganalysis.core.access.AccessControl;
import dev.scribe.writinganalysis.core.access.Denials;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.audit.AuditRecorder;
import dev.scribe.writinganalysis.core.audit.ChainVerifier;
import dev.scribe.writinganalysis.core.audit.Pseudonymizer;
import dev.scribe.writinganalysis.core.boundaries.AiBoundaryRules;
import dev.scribe.writinganalysis.core.events.EventEmitter;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.json.ToolSchemas;
import dev.scribe.writinganalysis.core.patterns.WritingPatternAnalyzer;
import dev.scribe.writinganalysis.core.purpose.PurposeValidator;
import dev.scribe.writinganalysis.core.purpose.PurposeValidatorConfig;
import dev.scribe.writinganalysis.core.reflection.ReflectionScorer;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityConfig;
import dev.scribe.writinganalysis.core.validation.ArgumentValidator;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Validates arguments against the input schema, then dispatches to the operation's tool. */
public final class ToolRunner {

    private final ToolSchemas schemas;
    private final ArgumentValidator validator;
    private final Map<Operation, Tool> tools = new EnumMap<>(Operation.class);

    public ToolRunner(
            EngineConfig config,
            EnginePorts ports,
            SensitivityConfig sensitivity,
            PurposeValidatorConfig purposeValidation) {
        this.schemas = new ToolSchemas(Json.mapper());
        this.validator = new ArgumentValidator(schemas);

        Pseudonymizer pseudonymizer = new Pseudonymizer(config.pseudonymizationKey());
        AuditRecorder recorder =
                new AuditRecorder(
                        ports.auditTrail(),
                        pseudonymizer,
                        ports.clock(),
                        config.checkpointKeyId(),
                        config.checkpointKey(),
                        config.checkpointInterval());
        EventEmitter events = new EventEmitter(ports.events(), pseudonymizer, ports.clock());
        AccessControl access =
                new AccessControl(
                        config,
                        ports.directory(),
                        ports.consents(),
                        ports.clock(),
                        new Denials(recorder, events, ports.clock()));
        ToolSupport support = new ToolSupport(config, ports, access, recorder, events);
        SensitivityClassifier classifier = new SensitivityClassifier(sensitivity, System::nanoTime);

        tools.put(Operation.CLASSIFY_CONTENT_SENSITIVITY, new ClassifyTool(support, classifier));
        tools.put(
                Operation.ANALYZE_WRITING_PATTERNS,
                new PatternsTool(support, classifier, WritingPatternAnalyzer.withDefaults()));
        tools.put(
                Operation.EVALUATE_REFLECTION_QUALITY,
                new ReflectionTool(support, classifier, new ReflectionScorer()));
        tools.put(
                Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                new PurposeTool(support, new PurposeValidator(purposeValidation)));
        tools.put(
                Operation.APPLY_AI_BOUNDARIES,
                new BoundariesTool(
                        support,
                        new AiBoundaryRules(
                                classifier,
                                config.blockDirectAnswers(),
                                config.maxAiContextLength())));
        tools.put(Operation.TRACK_WRITING_PROGRESS, new TrackProgressTool(support));
        tools.put(Operation.READ_WRITING_PROGRESS, new ReadProgressTool(support));
        tools.put(Operation.AUDIT_WRITING_DATA_ACCESS, new AuditAccessTool(support));
        tools.put(Operation.GENERATE_WRITING_INSIGHTS, new InsightsTool(support));
        tools.put(
                Operation.VERIFY_AUDIT_CHAIN,
                new VerifyChainTool(
                        support, new ChainVerifier(ports.auditTrail(), config.checkpointKey())));
    }

    public ToolSchemas schemas() {
        return schemas;
    }

    public ToolResult invoke(Operation operation, CallContext context, JsonNode arguments) {
        Tool tool = tools.get(operation);
        JsonNode checked =
                arguments == null || arguments.isNull() || arguments.isMissingNode()
                        ? Json.object()
                        : arguments;
        validator.validate(operation, checked);
        return tool.run(context, checked);
    }
}
