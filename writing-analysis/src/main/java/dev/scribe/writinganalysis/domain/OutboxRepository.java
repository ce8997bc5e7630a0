package dev.scribe.writinganalysis.domain;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and marks rows of {@code outbox_event} for the relay. */
@Repository
public class OutboxRepository {

    /** Longest stored failure description, the width of {@code outbox_event.last_error}. */
    static final int MAX_ERROR_LENGTH = 500;

    private final JdbcClient jdbc;

    public OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the oldest unpublished rows, at most {@code limit}. */
    public List<OutboxRow> pending(int limit) {
        return jdbc.sql(
                        "SELECT id, event_id, type, envelope, attempts FROM outbox_event WHERE"
                                + " published_at IS NULL ORDER BY id LIMIT :limit")
                .param("limit", limit)
                .query(
                        (rs, n) ->
                                new OutboxRow(
                                        rs.getLong("id"),
                                        rs.getString("event_id"),
                                        rs.getString("type"),
                                        StoredJson.read(rs.getString("envelope")),
                                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Marks the row published. Returns false when another relay (an instance sharing the database)
     * marked it first.
     */
    public boolean markPublished(long id, Instant at) {
        return jdbc.sql(
                                "UPDATE outbox_event SET published_at = :at, attempts = attempts +"
                                        + " 1 WHERE id = :id AND published_at IS NULL")
                        .param("at", SqlTimes.toSql(at))
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Records a failed delivery; the row stays pending and is retried by the next relay run. */
    public void markFailed(long id, String error) {
        String truncated =
                error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.sql(
                        "UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE"
                                + " id = :id")
                .param("error", truncated)
                .param("id", id)
                .update();
    }

    /** Returns the number of unpublished rows. */
    public long countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL")
                .query(Long.class)
                .single();
    }
}
