package dev.scribe.writinganalysis.domain;

import dev.scribe.writinganalysis.core.port.AuditCheckpoint;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import dev.scribe.writinganalysis.core.port.ChainHead;
import dev.scribe.writinganalysis.core.port.ComplianceFlags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hash-chained audit trail in table {@code audit_event}. Appends lock the single row of {@code
 * audit_chain_head} with {@code SELECT ... FOR UPDATE}, so concurrent appends from several
 * instances that share the database are serialised and the sequence stays gap-free. The lock is
 * held until the caller's transaction ends.
 *
 * <p>NOTE: the application does not yet run under a database role limited to INSERT and SELECT on
 * {@code audit_event}; append-only is enforced by this class alone.
 */
@Repository
public class JdbcAuditTrailStore implements AuditTrailStore {

    private static final String COLUMNS =
            "seq, event_id, occurred_at, recorded_at, actor_pseudonym, actor_role,"
                    + " subject_pseudonym, category, action, resource_type, resource_pseudonym,"
                    + " purpose, legal_basis, outcome, correlation_id, trace_id, privacy_level,"
                    + " compliance_gdpr, compliance_ferpa, compliance_coppa, details, prev_hash,"
                    + " entry_hash";

    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    public JdbcAuditTrailStore(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @Override
    public AuditEntry append(Function<ChainHead, AuditEntry> builder) {
        ChainHead head =
                jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                        .query(
                                (rs, n) ->
                                        new ChainHead(
                                                rs.getLong("last_seq"), rs.getString("last_hash")))
                        .single();

        AuditEntry entry = builder.apply(head);
        if (entry.seq() != head.seq() + 1 || !entry.prevHash().equals(head.entryHash())) {
            throw new IllegalStateException(
                    "The audit entry does not continue the chain at seq " + head.seq());
        }

        insert(entry);
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", entry.seq())
                .param("hash", entry.entryHash())
                .update();
        countAfterCommit(entry.category());
        return entry;
    }

    /** Counts the entry in {@code audit_entries_total} once it is durable, never on rollback. */
    private void countAfterCommit(String category) {
        Runnable count =
                () ->
                        Counter.builder("audit_entries")
                                .description("Audit entries appended to the trail")
                                .tag("category", category)
                                .register(meters)
                                .increment();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        count.run();
                    }
                });
    }

    private void insert(AuditEntry entry) {
        ComplianceFlags flags = entry.complianceFlags();
        jdbc.sql(
                        "INSERT INTO audit_event ("
                                + COLUMNS
                                + ") VALUES (:seq, :eventId, :occurredAt, :recordedAt, :actor,"
                                + " :actorRole, :subject, :category, :action, :resourceType,"
                                + " :resource, :purpose, :legalBasis, :outcome, :correlationId,"
                                + " :traceId, :privacyLevel, :gdpr, :ferpa, :coppa, :details,"
                                + " :prevHash, :entryHash)")
                .param("seq", entry.seq())
                .param("eventId", entry.eventId())
                .param("occurredAt", SqlTimes.toSql(entry.occurredAt()))
                .param("recordedAt", SqlTimes.toSql(entry.recordedAt()))
                .param("actor", entry.actorPseudonym())
                .param("actorRole", entry.actorRole())
                .param("subject", entry.subjectPseudonym())
                .param("category", entry.category())
                .param("action", entry.action())
                .param("resourceType", entry.resourceType())
                .param("resource", entry.resourcePseudonym())
                .param("purpose", entry.purpose())
                .param("legalBasis", entry.legalBasis())
                .param("outcome", entry.outcome())
                .param("correlationId", entry.correlationId())
                .param("traceId", entry.traceId())
                .param("privacyLevel", entry.privacyLevel())
                .param("gdpr", flags.gdpr())
                .param("ferpa", flags.ferpa())
                .param("coppa", flags.coppa())
                .param("details", StoredJson.write(entry.details()))
                .param("prevHash", entry.prevHash())
                .param("entryHash", entry.entryHash())
                .update();
    }

    @Override
    public ChainHead head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new ChainHead(rs.getLong("last_seq"), rs.getString("last_hash")))
                .optional()
                .orElse(ChainHead.EMPTY);
    }

    @Override
    public List<AuditEntry> range(long from, long to) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM audit_event WHERE seq >= :from AND seq <= :to ORDER BY"
                                + " seq")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> map(rs))
                .list();
    }

    @Override
    public List<AuditEntry> byActor(String actorPseudonym, Instant from, Instant to) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM audit_event WHERE actor_pseudonym = :actor AND"
                                + " occurred_at >= :from AND occurred_at < :to ORDER BY seq")
                .param("actor", actorPseudonym)
                .param("from", SqlTimes.toSql(from))
                .param("to", SqlTimes.toSql(to))
                .query((rs, n) -> map(rs))
                .list();
    }

    @Override
    public List<AuditEntry> bySubject(String subjectPseudonym, Instant from, Instant to) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM audit_event WHERE subject_pseudonym = :subject AND"
                                + " occurred_at >= :from AND occurred_at < :to ORDER BY seq")
                .param("subject", subjectPseudonym)
                .param("from", SqlTimes.toSql(from))
                .param("to", SqlTimes.toSql(to))
                .query((rs, n) -> map(rs))
                .list();
    }

    @Override
    public void saveCheckpoint(AuditCheckpoint checkpoint) {
        jdbc.sql(
                        """
                        INSERT INTO audit_checkpoint (seq, entry_hash, signed_at, key_id, signature)
                        VALUES (:seq, :hash, :signedAt, :keyId, :signature)
                        """)
                .param("seq", checkpoint.seq())
                .param("hash", checkpoint.entryHash())
                .param("signedAt", SqlTimes.toSql(checkpoint.signedAt()))
                .param("keyId", checkpoint.keyId())
                .param("signature", checkpoint.signature())
                .update();
    }

    @Override
    public List<AuditCheckpoint> checkpoints(long from, long to) {
        return jdbc.sql(
                        "SELECT seq, entry_hash, signed_at, key_id, signature FROM"
                                + " audit_checkpoint WHERE seq >= :from AND seq <= :to ORDER BY"
                                + " seq")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> mapCheckpoint(rs))
                .list();
    }

    @Override
    public @Nullable AuditCheckpoint latestCheckpointAtOrBefore(long atOrBefore) {
        return jdbc.sql(
                        "SELECT seq, entry_hash, signed_at, key_id, signature FROM"
                                + " audit_checkpoint WHERE seq <= :seq ORDER BY seq DESC LIMIT 1")
                .param("seq", atOrBefore)
                .query((rs, n) -> mapCheckpoint(rs))
                .optional()
                .orElse(null);
    }

    private AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getString("event_id"),
                SqlTimes.instant(rs, "occurred_at"),
                SqlTimes.instant(rs, "recorded_at"),
                rs.getString("actor_pseudonym"),
                rs.getString("actor_role"),
                rs.getString("subject_pseudonym"),
                rs.getString("category"),
                rs.getString("action"),
                rs.getString("resource_type"),
                rs.getString("resource_pseudonym"),
                rs.getString("purpose"),
                rs.getString("legal_basis"),
                rs.getString("outcome"),
                rs.getString("correlation_id"),
                rs.getString("trace_id"),
                rs.getString("privacy_level"),
                new ComplianceFlags(
                        rs.getBoolean("compliance_gdpr"),
                        rs.getBoolean("compliance_ferpa"),
                        rs.getBoolean("compliance_coppa")),
                StoredJson.read(rs.getString("details")),
                rs.getString("prev_hash"),
                rs.getString("entry_hash"));
    }

    private static AuditCheckpoint mapCheckpoint(ResultSet rs) throws SQLException {
        return new AuditCheckpoint(
                rs.getLong("seq"),
                rs.getString("entry_hash"),
                SqlTimes.instant(rs, "signed_at"),
                rs.getString("key_id"),
                rs.getString("signature"));
    }
}
