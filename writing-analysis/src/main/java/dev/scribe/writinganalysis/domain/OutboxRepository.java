package dev.scribe.writinganalysis.domain;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads pending outbox rows and records their delivery state for the relay. Only the small rows of
 * {@code outbox_delivery} are ever updated; {@code outbox_event} rows are inserted once and deleted
 * after their retention.
 */
@Repository
public class OutboxRepository {

    /** Longest stored failure description, the width of {@code outbox_delivery.last_error}. */
    static final int MAX_ERROR_LENGTH = 500;

    private final JdbcClient jdbc;

    public OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the oldest unpublished rows in creation order, at most {@code limit}. */
    public List<OutboxRow> pending(int limit) {
        return jdbc.sql(
                        """
                        SELECT e.id, e.event_id, e.type, e.envelope, d.attempts, d.next_attempt_at
                        FROM outbox_delivery d JOIN outbox_event e ON e.id = d.outbox_id
                        WHERE d.published_at IS NULL
                        ORDER BY d.outbox_id
                        LIMIT :limit
                        """)
                .param("limit", limit)
                .query(
                        (rs, n) ->
                                new OutboxRow(
                                        rs.getLong("id"),
                                        rs.getString("event_id"),
                                        rs.getString("type"),
                                        StoredJson.read(rs.getString("envelope")),
                                        rs.getInt("attempts"),
                                        SqlTimes.instant(rs, "next_attempt_at")))
                .list();
    }

    /**
     * Marks the row published. Returns false when another relay (an instance sharing the database)
     * marked it first.
     */
    public boolean markPublished(long id, Instant at) {
        return jdbc.sql(
                                "UPDATE outbox_delivery SET published_at = :at, attempts ="
                                        + " attempts + 1 WHERE outbox_id = :id AND published_at IS"
                                        + " NULL")
                        .param("at", SqlTimes.toSql(at))
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Records a failed delivery; the row stays pending until {@code nextAttemptAt}. */
    public void markFailed(long id, String error, Instant nextAttemptAt) {
        String truncated =
                error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.sql(
                        "UPDATE outbox_delivery SET attempts = attempts + 1, last_error = :error,"
                                + " next_attempt_at = :next WHERE outbox_id = :id")
                .param("error", truncated)
                .param("next", SqlTimes.toSql(nextAttemptAt))
                .param("id", id)
                .update();
    }

    /** Returns the number of unpublished rows. */
    public long countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_delivery WHERE published_at IS NULL")
                .query(Long.class)
                .single();
    }

    /** Deletes rows published before {@code cutoff}; returns how many. */
    public int deletePublishedBefore(Instant cutoff) {
        return jdbc.sql(
                        "DELETE FROM outbox_event WHERE id IN (SELECT outbox_id FROM"
                                + " outbox_delivery WHERE published_at < :cutoff)")
                .param("cutoff", SqlTimes.toSql(cutoff))
                .update();
    }

    /**
     * Takes or renews the relay lease for {@code holder} until {@code until}. Returns false while
     * another holder's lease has not expired.
     */
    public boolean acquireLease(String holder, Instant now, Instant until) {
        return jdbc.sql(
                                "UPDATE outbox_relay_lease SET holder = :holder, expires_at ="
                                        + " :until WHERE id = 1 AND (holder = :holder OR"
                                        + " expires_at < :now)")
                        .param("holder", holder)
                        .param("until", SqlTimes.toSql(until))
                        .param("now", SqlTimes.toSql(now))
                        .update()
                > 0;
    }
}
