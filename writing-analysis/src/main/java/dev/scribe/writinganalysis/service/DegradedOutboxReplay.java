package dev.scribe.writinganalysis.service;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.writinganalysis.core.audit.AuditHashing;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.domain.DegradedOutboxReplayRepository;
import dev.scribe.writinganalysis.domain.JdbcAuditTrailStore;
import dev.scribe.writinganalysis.domain.OutboxEventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Stores the records that a gateway's local tier kept in its durable outbox during an outage: audit
 * entries join the hash chain with their original {@code occurredAt} and the tier recorded in their
 * details, and events go to this service's transactional outbox. Each outbox id is stored once.
 */
@Service
public class DegradedOutboxReplay {

    /** Kinds this service replays; reflection and progress records are not written by the tier. */
    public static final Set<String> KINDS = Set.of("audit", "event");

    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

    private static final Logger log = LoggerFactory.getLogger(DegradedOutboxReplay.class);

    private final DegradedOutboxReplayRepository replays;
    private final JdbcAuditTrailStore auditTrail;
    private final OutboxEventPublisher events;
    private final Clock clock;

    public DegradedOutboxReplay(
            DegradedOutboxReplayRepository replays,
            JdbcAuditTrailStore auditTrail,
            OutboxEventPublisher events,
            Clock clock) {
        this.replays = replays;
        this.auditTrail = auditTrail;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Outcome of one replay.
     *
     * @param stored false when the outbox id was replayed before and nothing was stored now
     * @param auditSeq sequence number of the audit entry, or null for events and repeats
     */
    public record Outcome(boolean stored, Long auditSeq) {}

    /**
     * Stores one outbox entry in a single transaction, or nothing when its id was seen before.
     *
     * @throws ServiceException {@code INVALID_ARGUMENT} when the payload is not a record of the
     *     kind
     */
    @Transactional
    public Outcome replay(String outboxId, String kind, Instant createdAt, JsonNode payload) {
        Instant now = clock.instant();
        if (!replays.claim(outboxId, kind, createdAt, now)) {
            log.atInfo()
                    .addKeyValue("outboxId", outboxId)
                    .addKeyValue("kind", kind)
                    .log("Skipped an outbox entry that was replayed before");
            return new Outcome(false, null);
        }

        if (kind.equals("audit")) {
            AuditEntry original = read(payload, AuditEntry.class, "audit entry");
            requirePseudonym("payload.actorPseudonym", original.actorPseudonym(), false);
            requirePseudonym("payload.subjectPseudonym", original.subjectPseudonym(), true);
            requirePseudonym("payload.resourcePseudonym", original.resourcePseudonym(), true);
            AuditEntry stored =
                    auditTrail.append(head -> relink(original, head.seq(), head.entryHash(), now));
            replays.recordAuditSeq(outboxId, stored.seq());
            log.atInfo()
                    .addKeyValue("outboxId", outboxId)
                    .addKeyValue("seq", stored.seq())
                    .log("Appended a replayed audit entry");
            return new Outcome(true, stored.seq());
        }

        EventEnvelope event = read(payload, EventEnvelope.class, "event envelope");
        events.publish(event);
        log.atInfo()
                .addKeyValue("outboxId", outboxId)
                .addKeyValue("eventId", event.eventId())
                .log("Queued a replayed event");
        return new Outcome(true, null);
    }

    /**
     * Rebuilds the entry as the next link of this trail. The chain fields and {@code recordedAt}
     * become this service's, and every other field (with {@code occurredAt} and the tier in the
     * details) is kept.
     */
    private static AuditEntry relink(AuditEntry entry, long headSeq, String headHash, Instant now) {
        AuditEntry unhashed =
                new AuditEntry(
                        headSeq + 1,
                        entry.eventId(),
                        entry.occurredAt(),
                        now.truncatedTo(ChronoUnit.MILLIS),
                        entry.actorPseudonym(),
                        entry.actorRole(),
                        entry.subjectPseudonym(),
                        entry.category(),
                        entry.action(),
                        entry.resourceType(),
                        entry.resourcePseudonym(),
                        entry.purpose(),
                        entry.legalBasis(),
                        entry.outcome(),
                        entry.correlationId(),
                        entry.traceId(),
                        entry.privacyLevel(),
                        entry.complianceFlags(),
                        entry.details(),
                        headHash,
                        "");
        return new AuditEntry(
                unhashed.seq(),
                unhashed.eventId(),
                unhashed.occurredAt(),
                unhashed.recordedAt(),
                unhashed.actorPseudonym(),
                unhashed.actorRole(),
                unhashed.subjectPseudonym(),
                unhashed.category(),
                unhashed.action(),
                unhashed.resourceType(),
                unhashed.resourcePseudonym(),
                unhashed.purpose(),
                unhashed.legalBasis(),
                unhashed.outcome(),
                unhashed.correlationId(),
                unhashed.traceId(),
                unhashed.privacyLevel(),
                unhashed.complianceFlags(),
                unhashed.details(),
                unhashed.prevHash(),
                AuditHashing.computeHash(unhashed));
    }

    /**
     * Rejects a pseudonym that is not the 64 hex digits of an HMAC-SHA-256, because the trail's
     * fixed-width column would pad it and the stored entry would no longer match its hash.
     */
    private static void requirePseudonym(String field, String value, boolean optional) {
        if (value == null && optional) {
            return;
        }
        if (value == null || !PSEUDONYM.matcher(value).matches()) {
            throw new ServiceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The audit entry is invalid: " + field + " must be 64 lowercase hex digits.",
                    List.of(new ErrorDetail(field, "must be 64 lowercase hex digits")));
        }
    }

    private <T> T read(JsonNode payload, Class<T> type, String what) {
        try {
            return Json.mapper().treeToValue(payload, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new ServiceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The payload is not a valid " + what + ".",
                    List.of(new ErrorDetail("payload", "not a valid " + what)));
        }
    }
}
