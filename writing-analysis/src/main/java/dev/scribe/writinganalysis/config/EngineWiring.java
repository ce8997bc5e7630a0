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
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the engine from the typed settings and the JDBC ports. */
@Configuration(proxyBeanMethods = false)
public class EngineWiring {

    @Bean
    EngineConfig engineConfig(EngineProperties properties, PseudonymizationKey key) {
        // NOTE: no audit checkpoint key is configured yet, so the engine stores no checkpoints and
        // chain verification starts from the first entry.
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
                null,
                null,
                1000,
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
            NoiseSource noise) {
        return WritingAnalysisEngine.builder()
                .config(config)
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
