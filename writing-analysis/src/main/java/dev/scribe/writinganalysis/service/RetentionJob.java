package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.config.RetentionProperties;
import dev.scribe.writinganalysis.core.json.Json;
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
 * once a day, and records each deletion with a {@code privacy.retention.action} event written in
 * the same transaction as the delete.
 */
@Service
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    static final String EVENT_TYPE = "privacy.retention.action";

    private final RetentionRepository retention;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;
    private final Clock clock;

    public RetentionJob(
            RetentionRepository retention,
            EventPublisher events,
            PlatformTransactionManager transactionManager,
            RetentionProperties properties,
            Clock clock) {
        this.retention = retention;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs one retention pass and returns the deleted row count per data class. A failing class is
     * logged and retried on the next run; the other classes still run.
     */
    @Scheduled(cron = "${platform.retention.cron:0 30 3 * * *}", zone = "UTC")
    public Map<String, Integer> run() {
        Instant now = clock.instant();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        purge(
                deleted,
                "writing_content",
                properties.writingContentDays(),
                now,
                retention::deleteWritingContentBefore);
        purge(
                deleted,
                "reflection",
                properties.reflectionDays(),
                now,
                retention::deleteReflectionsBefore);
        purge(
                deleted,
                "progress_data",
                properties.progressDataDays(),
                now,
                retention::deleteProgressBefore);
        purge(
                deleted,
                "analytics",
                properties.analyticsDays(),
                now,
                retention::deleteAnalyticsBefore);
        log.info("Retention pass deleted {}", deleted);
        return deleted;
    }

    private void purge(
            Map<String, Integer> deleted,
            String dataClass,
            int days,
            Instant now,
            Function<Instant, Integer> delete) {
        Instant cutoff = now.minus(Duration.ofDays(days));
        try {
            Integer count =
                    transactions.execute(
                            status -> {
                                int rows = delete.apply(cutoff);
                                if (rows > 0) {
                                    events.publish(event(dataClass, days, rows, now));
                                }
                                return rows;
                            });
            deleted.put(dataClass, count == null ? 0 : count);
        } catch (RuntimeException e) {
            log.error("Retention of data class {} failed; retrying on the next run", dataClass, e);
        }
    }

    private static EventEnvelope event(String dataClass, int days, int rows, Instant now) {
        ObjectNode payload = Json.object();
        payload.put("action", "delete");
        payload.put("dataType", dataClass);
        payload.put("reason", "policy-expiration");
        payload.put("recordCount", rows);
        payload.put("irreversible", true);
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                EVENT_TYPE,
                1,
                now,
                "writing-analysis",
                "retention-" + UUID.randomUUID(),
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
