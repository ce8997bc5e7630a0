package dev.scribe.writinganalysis.domain;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Replayed outbox ids in table {@code degraded_outbox_replay}, for idempotent replay. */
@Repository
public class DegradedOutboxReplayRepository {

    private final JdbcClient jdbc;

    public DegradedOutboxReplayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the outbox id in the caller's transaction.
     *
     * @return false when the id was replayed before, so the caller stores nothing
     */
    public boolean claim(String outboxId, String kind, Instant createdAt, Instant replayedAt) {
        if (exists(outboxId)) {
            return false;
        }
        try {
            jdbc.sql(
                            """
                            INSERT INTO degraded_outbox_replay
                                (outbox_id, kind, created_at, replayed_at)
                            VALUES (:outboxId, :kind, :createdAt, :replayedAt)
                            """)
                    .param("outboxId", outboxId)
                    .param("kind", kind)
                    .param("createdAt", SqlTimes.toSql(createdAt))
                    .param("replayedAt", SqlTimes.toSql(replayedAt))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            // A concurrent replay of the same id committed first.
            return false;
        }
    }

    /** Stores the sequence number the replayed audit entry received. */
    public void recordAuditSeq(String outboxId, long seq) {
        jdbc.sql("UPDATE degraded_outbox_replay SET audit_seq = :seq WHERE outbox_id = :outboxId")
                .param("seq", seq)
                .param("outboxId", outboxId)
                .update();
    }

    /** The audit sequence number of a replayed audit entry, empty for unknown ids and events. */
    public Optional<Long> auditSeq(String outboxId) {
        return jdbc.sql("SELECT audit_seq FROM degraded_outbox_replay WHERE outbox_id = :outboxId")
                .param("outboxId", outboxId)
                .query((rs, n) -> rs.getObject("audit_seq", Long.class))
                .optional();
    }

    private boolean exists(String outboxId) {
        return jdbc.sql("SELECT COUNT(*) FROM degraded_outbox_replay WHERE outbox_id = :outboxId")
                        .param("outboxId", outboxId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
