package dev.scribe.writinganalysis.core;

import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import dev.scribe.writinganalysis.core.port.ConsentStore;
import dev.scribe.writinganalysis.core.port.CourseDirectory;
import dev.scribe.writinganalysis.core.port.DpAnswerCache;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import dev.scribe.writinganalysis.core.port.NoiseSource;
import dev.scribe.writinganalysis.core.port.PrivacyBudgetLedger;
import dev.scribe.writinganalysis.core.port.ReflectionStore;
import dev.scribe.writinganalysis.core.port.RetainedContentStore;
import dev.scribe.writinganalysis.core.port.WritingSessionStore;
import dev.scribe.writinganalysis.core.purpose.PurposeValidatorConfig;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityConfig;
import dev.scribe.writinganalysis.core.tools.EnginePorts;
import dev.scribe.writinganalysis.core.tools.ToolRunner;
import dev.scribe.writinganalysis.core.validation.RequestBodies;
import java.time.Clock;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Entry point of the engine, shared by the HTTP controllers, the MCP adapter and the gateway's
 * local tier. Thread-safe; all state lives behind the ports.
 */
public final class WritingAnalysisEngine {

    private final ToolRunner runner;

    private WritingAnalysisEngine(
            EngineConfig config,
            EnginePorts ports,
            SensitivityConfig sensitivity,
            PurposeValidatorConfig purposeValidation) {
        this.runner = new ToolRunner(config, ports, sensitivity, purposeValidation);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates {@code arguments} against the operation's input schema, applies the access rules
     * and runs the operation.
     *
     * @throws dev.scribe.writinganalysis.core.api.ToolException for every validation, access,
     *     consent, state or availability failure
     */
    public ToolResult invoke(Operation operation, CallContext context, JsonNode arguments) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(context, "context");
        return runner.invoke(operation, context, arguments);
    }

    /**
     * Parses a raw JSON request body for {@link #invoke}.
     *
     * @throws dev.scribe.writinganalysis.core.api.ToolException {@code PAYLOAD_TOO_LARGE} over 1
     *     MiB, {@code INVALID_ARGUMENT} for malformed JSON
     */
    public static JsonNode parseArguments(byte[] body) {
        return RequestBodies.parse(body);
    }

    /** Returns the closed JSON Schema (draft 2020-12) of the operation's arguments. */
    public JsonNode inputSchema(Operation operation) {
        return runner.schemas().input(operation);
    }

    /** Returns the closed JSON Schema (draft 2020-12) of the operation's successful output. */
    public JsonNode outputSchema(Operation operation) {
        return runner.schemas().output(operation);
    }

    /**
     * Collects configuration and ports. Every port, the clock and the noise source are required;
     * the classifier and purpose-validator settings default to the documented values.
     */
    public static final class Builder {

        private EngineConfig config;
        private CourseDirectory directory;
        private ConsentStore consents;
        private ReflectionStore reflections;
        private WritingSessionStore sessions;
        private RetainedContentStore retainedContent;
        private AuditTrailStore auditTrail;
        private PrivacyBudgetLedger budgets;
        private DpAnswerCache dpAnswers;
        private EventPublisher events;
        private Clock clock;
        private NoiseSource noise;
        private SensitivityConfig sensitivity = SensitivityConfig.defaults();
        private PurposeValidatorConfig purposeValidation = PurposeValidatorConfig.defaults();

        private Builder() {}

        /** Sets the classifier thresholds, time guard and name stopwords. */
        public Builder sensitivity(SensitivityConfig sensitivity) {
            this.sensitivity = Objects.requireNonNull(sensitivity, "sensitivity");
            return this;
        }

        /** Sets the minimum valid score and full-score sum of purpose validation. */
        public Builder purposeValidation(PurposeValidatorConfig purposeValidation) {
            this.purposeValidation = Objects.requireNonNull(purposeValidation, "purposeValidation");
            return this;
        }

        public Builder config(EngineConfig config) {
            this.config = config;
            return this;
        }

        public Builder directory(CourseDirectory directory) {
            this.directory = directory;
            return this;
        }

        public Builder consents(ConsentStore consents) {
            this.consents = consents;
            return this;
        }

        public Builder reflections(ReflectionStore reflections) {
            this.reflections = reflections;
            return this;
        }

        public Builder sessions(WritingSessionStore sessions) {
            this.sessions = sessions;
            return this;
        }

        public Builder retainedContent(RetainedContentStore retainedContent) {
            this.retainedContent = retainedContent;
            return this;
        }

        public Builder auditTrail(AuditTrailStore auditTrail) {
            this.auditTrail = auditTrail;
            return this;
        }

        public Builder budgets(PrivacyBudgetLedger budgets) {
            this.budgets = budgets;
            return this;
        }

        public Builder dpAnswers(DpAnswerCache dpAnswers) {
            this.dpAnswers = dpAnswers;
            return this;
        }

        public Builder events(EventPublisher events) {
            this.events = events;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder noise(NoiseSource noise) {
            this.noise = noise;
            return this;
        }

        public WritingAnalysisEngine build() {
            Objects.requireNonNull(config, "config");
            EnginePorts ports =
                    new EnginePorts(
                            directory,
                            consents,
                            reflections,
                            sessions,
                            retainedContent,
                            auditTrail,
                            budgets,
                            dpAnswers,
                            events,
                            clock,
                            noise);
            return new WritingAnalysisEngine(config, ports, sensitivity, purposeValidation);
        }
    }
}
