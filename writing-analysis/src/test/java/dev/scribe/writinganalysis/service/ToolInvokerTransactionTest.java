package dev.scribe.writinganalysis.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.config.PseudonymizationKey;
import dev.scribe.writinganalysis.core.EngineConfig;
import dev.scribe.writinganalysis.core.WritingAnalysisEngine;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Caller;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import dev.scribe.writinganalysis.core.port.ConsentStore;
import dev.scribe.writinganalysis.core.port.CourseDirectory;
import dev.scribe.writinganalysis.core.port.DpAnswerCache;
import dev.scribe.writinganalysis.core.port.NoiseSource;
import dev.scribe.writinganalysis.core.port.PrivacyBudgetLedger;
import dev.scribe.writinganalysis.core.port.ReflectionStore;
import dev.scribe.writinganalysis.core.port.RetainedContentStore;
import dev.scribe.writinganalysis.core.port.WritingSessionStore;
import dev.scribe.writinganalysis.domain.IdempotencyRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * The transaction rule of the invoker on the real database: a failure other than a tool error rolls
 * back everything the call wrote, while a tool error (a denial) commits its audit entry.
 */
class ToolInvokerTransactionTest extends ServiceTestSupport {

    @Autowired EngineConfig config;
    @Autowired CourseDirectory directory;
    @Autowired ConsentStore consents;
    @Autowired ReflectionStore reflections;
    @Autowired WritingSessionStore sessions;
    @Autowired RetainedContentStore retainedContent;
    @Autowired AuditTrailStore auditTrail;
    @Autowired PrivacyBudgetLedger budgets;
    @Autowired DpAnswerCache dpAnswers;
    @Autowired NoiseSource noise;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired IdempotencyRepository idempotency;
    @Autowired PseudonymizationKey key;
    @Autowired MeterRegistry meters;
    @Autowired JdbcClient jdbc;

    @Test
    void failureAfterAudit_rollsBackEntry() {
        ToolInvoker invoker = invokerWithFailingEvents();
        long before = auditEntries();

        assertThatThrownBy(
                        () ->
                                invoker.invoke(
                                        Operation.AUDIT_WRITING_DATA_ACCESS,
                                        context("student-demo", Role.STUDENT),
                                        auditArguments("student-demo")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(auditEntries()).isEqualTo(before);
    }

    /**
     * Builds an invoker on the real JDBC ports, except an event publisher that fails like a broken
     * outbox.
     */
    private ToolInvoker invokerWithFailingEvents() {
        WritingAnalysisEngine engine =
                WritingAnalysisEngine.builder()
                        .config(config)
                        .directory(directory)
                        .consents(consents)
                        .reflections(reflections)
                        .sessions(sessions)
                        .retainedContent(retainedContent)
                        .auditTrail(auditTrail)
                        .budgets(budgets)
                        .dpAnswers(dpAnswers)
                        .events(
                                event -> {
                                    throw new IllegalStateException("outbox write failed");
                                })
                        .clock(clock)
                        .noise(noise)
                        .build();
        return new ToolInvoker(engine, transactionManager, idempotency, key, clock, meters);
    }

    private static CallContext context(String userId, Role role) {
        return CallContext.of(
                new Caller(userId, role, "inst-demo", List.of("course-demo-101"), 1),
                "transaction-test-0001");
    }

    private static JsonNode auditArguments(String subject) {
        return JSON.readTree(
                """
                {"accessType":"read","dataType":"writing_progress","userId":"%s",
                 "accessedBy":"student-demo","purpose":"writing_improvement"}
                """
                        .formatted(subject));
    }

    private long auditEntries() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }
}
