package dev.scribe.writinganalysis.config;

import dev.scribe.writinganalysis.core.EngineConfig;
import dev.scribe.writinganalysis.core.WritingAnalysisEngine;
import dev.scribe.writinganalysis.core.api.Operation;
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
import dev.scribe.writinganalysis.core.text.Rational;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the engine from the typed settings and the JDBC ports. */
@Configuration(proxyBeanMethods = false)
public class EngineWiring {

    @Bean
    EngineConfig engineConfig(
            EngineProperties properties,
            PrivacyProperties privacy,
            PseudonymizationKey key,
            AuditCheckpointKey checkpointKey) {
        return new EngineConfig(
                properties.autoRedactPii(),
                properties.blockDirectAnswers(),
                properties.maxAiContextLength(),
                properties.progressWordPrecision(),
                properties.progressTimePrecisionSeconds(),
                properties.aggregateMinClassSize(),
                properties.aggregateMinCohortSize(),
                properties.aggregateMinResearchGroupSize(),
                properties.privacyEpsilon(),
                properties.privacyBudgetPerTarget(),
                properties.dpClipWordsPerStudent(),
                key.bytes(),
                privacy.auditCheckpointKeyId(),
                checkpointKey.bytes(),
                privacy.auditCheckpointInterval(),
                properties.institutionDefaultTimeZone(),
                systemAllowList(properties));
    }

    @Bean
    WritingAnalysisEngine writingAnalysisEngine(
            EngineConfig config,
            CourseDirectory directory,
            ConsentStore consents,
            ReflectionStore reflections,
            WritingSessionStore sessions,
            RetainedContentStore retainedContent,
            AuditTrailStore auditTrail,
            PrivacyBudgetLedger budgets,
            DpAnswerCache dpAnswers,
            EventPublisher events,
            Clock clock,
            NoiseSource noise,
            EngineProperties properties) {
        return WritingAnalysisEngine.builder()
                .config(config)
                .sensitivity(sensitivity(properties))
                .purposeValidation(
                        new PurposeValidatorConfig(
                                rational(properties.educationalPurposeMinScore()),
                                rational(properties.purposeFullScoreWeightedSum())))
                .directory(directory)
                .consents(consents)
                .reflections(reflections)
                .sessions(sessions)
                .retainedContent(retainedContent)
                .auditTrail(auditTrail)
                .budgets(budgets)
                .dpAnswers(dpAnswers)
                .events(events)
                .clock(clock)
                .noise(noise)
                .build();
    }

    private static SensitivityConfig sensitivity(EngineProperties properties) {
        return SensitivityConfig.defaults()
                .withThresholds(
                        rational(properties.sensitivityThresholdHigh()),
                        rational(properties.sensitivityThresholdMedium()),
                        rational(properties.sensitivityThresholdLow()))
                .withSlowWarning(Duration.ofMillis(properties.maxPrivacyCheckMs()));
    }

    /** Converts exactly: every finite decimal is a ratio of two integers. */
    private static Rational rational(BigDecimal value) {
        return Rational.parse(value.toPlainString());
    }

    /**
     * Resolves the configured tool names.
     *
     * @throws IllegalArgumentException for a name that is no operation, so a typo stops the start
     */
    private static Set<Operation> systemAllowList(EngineProperties properties) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        for (String name : properties.systemClientToolAllowList()) {
            operations.add(
                    Operation.fromToolName(name)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "platform.writing-analysis.system-client-tool-allow-list"
                                                            + " contains an unknown tool name: "
                                                            + name)));
        }
        return operations;
    }
}
