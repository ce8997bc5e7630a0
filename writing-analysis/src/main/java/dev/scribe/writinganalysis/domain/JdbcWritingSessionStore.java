package dev.scribe.writinganalysis.domain;

import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.port.WritingSessionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writing-session snapshots in table {@code writing_session}, one row per session. */
@Repository
public class JdbcWritingSessionStore implements WritingSessionStore {

    private static final String COLUMNS =
            "session_id, owner_id, assignment_id, word_count, time_spent, revisions, created_at,"
                    + " updated_at";

    private final JdbcClient jdbc;

    public JdbcWritingSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the session and locks its row until the transaction ends. */
    @Override
    public Optional<WritingSession> find(String sessionId) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM writing_session WHERE session_id = :id FOR UPDATE")
                .param("id", sessionId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * Replaces the snapshot, or inserts it for a new session. The owner, the assignment and the
     * creation time of an existing session are kept, because the first snapshot decides them.
     */
    @Override
    public void save(WritingSession session) {
        int updated =
                jdbc.sql(
                                """
                                UPDATE writing_session
                                SET word_count = :words, time_spent = :time, revisions = :revisions,
                                    updated_at = :updatedAt
                                WHERE session_id = :id
                                """)
                        .param("words", session.wordCount())
                        .param("time", session.timeSpent())
                        .param("revisions", session.revisions())
                        .param("updatedAt", SqlTimes.toSql(session.updatedAt()))
                        .param("id", session.sessionId())
                        .update();
        if (updated > 0) {
            return;
        }

        Instant createdAt = session.createdAt() == null ? session.updatedAt() : session.createdAt();
        jdbc.sql(
                        "INSERT INTO writing_session ("
                                + COLUMNS
                                + ") VALUES (:id, :owner, :assignment, :words, :time, :revisions,"
                                + " :createdAt, :updatedAt)")
                .param("id", session.sessionId())
                .param("owner", session.subjectId())
                .param("assignment", session.assignmentId())
                .param("words", session.wordCount())
                .param("time", session.timeSpent())
                .param("revisions", session.revisions())
                .param("createdAt", SqlTimes.toSql(createdAt))
                .param("updatedAt", SqlTimes.toSql(session.updatedAt()))
                .update();
    }

    @Override
    public List<WritingSession> ofSubject(String subjectId, @Nullable String assignmentId) {
        String assignmentFilter = assignmentId == null ? "" : " AND assignment_id = :assignment";
        var statement =
                jdbc.sql(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM writing_session WHERE owner_id = :owner"
                                        + assignmentFilter
                                        + " ORDER BY updated_at, session_id")
                        .param("owner", subjectId);
        if (assignmentId != null) {
            statement = statement.param("assignment", assignmentId);
        }
        return statement.query((rs, n) -> map(rs)).list();
    }

    @Override
    public List<WritingSession> updatedBetween(
            Collection<String> subjectIds, Instant from, Instant to) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM writing_session WHERE owner_id IN (:owners) AND"
                                + " updated_at >= :from AND updated_at < :to ORDER BY updated_at,"
                                + " session_id")
                .param("owners", List.copyOf(subjectIds))
                .param("from", SqlTimes.toSql(from))
                .param("to", SqlTimes.toSql(to))
                .query((rs, n) -> map(rs))
                .list();
    }

    private static WritingSession map(ResultSet rs) throws SQLException {
        return new WritingSession(
                rs.getString("session_id"),
                rs.getString("owner_id"),
                rs.getString("assignment_id"),
                rs.getInt("word_count"),
                rs.getInt("time_spent"),
                rs.getInt("revisions"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "updated_at"));
    }
}
