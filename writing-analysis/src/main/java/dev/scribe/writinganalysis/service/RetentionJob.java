package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.config.RetentionProperties;
import dev.scribe.writinganalysis.core.EngineConfig;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Caller;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.audit.AuditRecord;
import dev.scribe.writinganalysis.core.audit.AuditRecorder;
import dev.scribe.writinganalysis.core.audit.Pseudonymizer;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import dev.scribe.writinganalysis.core.port.ComplianceFlags;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import dev.scribe.writinganalysis.domain.RetentionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deletes expired writing content, reflection records, writing sessions and cached private answers
 * once a day. Each data class runs in its own transaction, which also appends an audit entry
 * (category {@code data_modification}, action {@code retention_purge}) and writes a {@code
 * privacy.retention.action} event, so a purge is never committed without its record, and every run
 * leaves one entry and one event per data class, also when nothing expired.
 */
@Service
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    static final String EVENT_TYPE = "privacy.retention.action";

    /** Actor id of the job in audit entries; it is pseudonymised like every other actor id. */
    static final String ACTOR_ID = "system:writing-analysis-retention";

    static final String AUDIT_ACTION = "retention_purge";

    private final RetentionRepository retention;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;
    private final Clock clock;
    private final AuditRecorder audit;

    public RetentionJob(
            RetentionRepository retention,
            EventPublisher events,
            PlatformTransactionManager transactionManager,
            RetentionProperties properties,
            Clock clock,
            AuditTrailStore auditTrail,
            EngineConfig engineConfig) {
        this.retention = retention;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.audit =
                new AuditRecorder(
                        auditTrail,
                        new Pseudonymizer(engineConfig.pseudonymizationKey()),
                        clock,
                        engineConfig.checkpointKeyId(),
                        engineConfig.checkpointKey(),
                        engineConfig.checkpointInterval());
    }

    /**
     * Runs one retention pass and returns the deleted row count per data class. A failing class is
     * logged, left out of the result and retried on the next run; the other classes still run.
     */
    @Scheduled(cron = "${platform.retention.cron:0 30 3 * * *}", zone = "UTC")
    public Map<String, Integer> run() {
        Instant now = clock.instant();
        String runId = UUID.randomUUID().toString();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        purge(
                deleted,
                runId,
                "writing_content",
                properties.writingContentDays(),
                now,
                retention::deleteWritingContentBefore);
        purge(
                deleted,
                runId,
                "reflection",
                properties.reflectionDays(),
                now,
                retention::deleteReflectionsBefore);
        purge(
                deleted,
                runId,
                "progress_data",
                properties.progressDataDays(),
                now,
                retention::deleteProgressBefore);
        purge(
                deleted,
                runId,
                "analytics",
                properties.analyticsDays(),
                now,
                retention::deleteAnalyticsBefore);
        log.info("Retention run {} deleted {}", runId, deleted);
        return deleted;
    }

    private void purge(
            Map<String, Integer> deleted,
            String runId,
            String dataClass,
            int days,
            Instant now,
            Function<Instant, Integer> delete) {
        Instant cutoff = now.minus(Duration.ofDays(days));
        String correlationId = "retention-" + runId;
        try {
            Integer count =
                    transactions.execute(
                            status -> {
                                int rows = delete.apply(cutoff);
                                audit.append(
                                        auditRecord(dataClass, days, cutoff, rows, now),
                                        systemContext(correlationId));
                                events.publish(event(dataClass, days, rows, now, correlationId));
                                return rows;
                            });
            deleted.put(dataClass, count == null ? 0 : count);
        } catch (RuntimeException e) {
            log.error(
                    "Retention of data class {} failed in run {}; retrying on the next run",
                    dataClass,
                    runId,
                    e);
        }
    }

    private static CallContext systemContext(String correlationId) {
        return CallContext.of(new Caller(ACTOR_ID, Role.SYSTEM, null, null, 0), correlationId);
    }

    private static AuditRecord auditRecord(
            String dataClass, int days, Instant cutoff, int rows, Instant now) {
        ObjectNode details = Json.object();
        details.put("accessType", "delete");
        details.put("dataClass", dataClass);
        details.put("retentionDays", days);
        details.put("cutoff", Json.timestamp(cutoff));
        details.put("recordCount", rows);
        details.put("reason", "policy-expiration");
        return new AuditRecord(
                now,
                ACTOR_ID,
                Role.SYSTEM.name(),
                null,
                "data_modification",
                AUDIT_ACTION,
                dataClass,
                null,
                null,
                "legal_obligation",
                "success",
                ComplianceFlags.ALL_TRUE,
                details);
    }

    private static EventEnvelope event(
            String dataClass, int days, int rows, Instant now, String correlationId) {
        ObjectNode payload = Json.object();
        payload.put("action", "delete");
        payload.put("dataType", dataClass);
        payload.put("reason", "policy-expiration");
        payload.put("recordCount", rows);
        payload.put("executionTimestamp", Json.timestamp(now));
        payload.put("irreversible", true);
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                EVENT_TYPE,
                1,
                now,
                "writing-analysis",
                correlationId,
                null,
                null,
                new EventEnvelope.Metadata(null, null, "retention"),
                "restricted",
                new EventEnvelope.PrivacyContext(true, false, null, days),
                false,
                null,
                "compliance",
                payload);
    }
}
