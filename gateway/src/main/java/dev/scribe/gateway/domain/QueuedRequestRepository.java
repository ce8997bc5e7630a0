package dev.scribe.gateway.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Table {@code queued_request} and its audit table {@code queue_admin_action}. Every method blocks
 * on JDBC, so reactive callers run it on {@code Schedulers.boundedElastic()}.
 */
@Repository
public class QueuedRequestRepository {

    private static final String ACTIVE = "('PENDING', 'REPLAYING')";

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    public QueuedRequestRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    /** Count of (service, status) pairs, for the queue depth metric. */
    public record DepthRow(String service, QueuedRequestStatus status, long count) {}

    /** Acceptance time of the oldest active entry of a service. */
    public record OldestRow(String service, Instant acceptedAt) {}

    /** Inserts a new entry; the caller's transaction commits it. */
    public void insert(QueuedRequest entry) {
        jdbc.sql(
                        """
                        INSERT INTO queued_request (id, service, route_id, method, path_and_query,
                            content_type, idempotency_key, correlation_id, traceparent, body,
                            body_key_id, subject_id, subject_role, institution_id, subject_courses,
                            token_version, accepted_at, ordering_key, status, attempts,
                            next_attempt_at, lease_until, last_error, delivered_at, updated_at)
                        VALUES (:id, :service, :routeId, :method, :pathAndQuery, :contentType,
                            :idempotencyKey, :correlationId, :traceparent, :body, :bodyKeyId,
                            :subjectId, :subjectRole, :institutionId, :subjectCourses,
                            :tokenVersion, :acceptedAt, :orderingKey, :status, :attempts,
                            :nextAttemptAt, NULL, NULL, NULL, :updatedAt)
                        """)
                .param("id", entry.id())
                .param("service", entry.service())
                .param("routeId", entry.routeId())
                .param("method", entry.method())
                .param("pathAndQuery", entry.pathAndQuery())
                .param("contentType", entry.contentType())
                .param("idempotencyKey", entry.idempotencyKey())
                .param("correlationId", entry.correlationId())
                .param("traceparent", entry.traceparent())
                .param("body", entry.encryptedBody())
                .param("bodyKeyId", entry.bodyKeyId())
                .param("subjectId", entry.subjectId())
                .param("subjectRole", entry.subjectRole())
                .param("institutionId", entry.institutionId())
                .param("subjectCourses", jsonMapper.writeValueAsString(entry.subjectCourses()))
                .param("tokenVersion", entry.tokenVersion())
                .param("acceptedAt", utc(entry.acceptedAt()))
                .param("orderingKey", entry.orderingKey())
                .param("status", entry.status().name())
                .param("attempts", entry.attempts())
                .param("nextAttemptAt", utc(entry.nextAttemptAt()))
                .param("updatedAt", utc(entry.updatedAt()))
                .update();
    }

    public long countActiveBySubject(String subjectId) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM queued_request WHERE subject_id = :subjectId"
                                + " AND status IN "
                                + ACTIVE)
                .param("subjectId", subjectId)
                .query(Long.class)
                .single();
    }

    public long countActiveByService(String service) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM queued_request WHERE service = :service"
                                + " AND status IN "
                                + ACTIVE)
                .param("service", service)
                .query(Long.class)
                .single();
    }

    /** Checks whether an earlier write of the same ordering key still waits for its replay. */
    public boolean hasActive(String orderingKey) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM queued_request WHERE ordering_key = :orderingKey"
                                        + " AND status IN "
                                        + ACTIVE)
                        .param("orderingKey", orderingKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<QueuedRequest> findById(UUID id) {
        return jdbc.sql("SELECT * FROM queued_request WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Returns a subject's entries, newest first. */
    public List<QueuedRequest> findBySubject(String subjectId, int limit) {
        return jdbc.sql(
                        "SELECT * FROM queued_request WHERE subject_id = :subjectId"
                                + " ORDER BY seq DESC LIMIT :limit")
                .param("subjectId", subjectId)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** Returns entries of every subject, oldest first, optionally of one status only. */
    public List<QueuedRequest> findAll(QueuedRequestStatus status, int limit) {
        String where = status == null ? "" : " WHERE status = :status";
        JdbcClient.StatementSpec statement =
                jdbc.sql("SELECT * FROM queued_request" + where + " ORDER BY seq LIMIT :limit")
                        .param("limit", limit);
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        return statement.query(this::map).list();
    }

    /**
     * Returns the replayable entries of a service, oldest first: PENDING, due, and the oldest
     * active entry of their ordering key, so that at most one entry per key is returned.
     */
    public List<QueuedRequest> findReplayable(String service, Instant now, int limit) {
        return jdbc.sql(
                        """
                        SELECT * FROM queued_request q
                        WHERE q.service = :service AND q.status = 'PENDING'
                          AND q.next_attempt_at <= :now
                          AND NOT EXISTS (
                            SELECT 1 FROM queued_request p
                            WHERE p.ordering_key = q.ordering_key AND p.seq < q.seq
                              AND p.status IN ('PENDING', 'REPLAYING'))
                        ORDER BY q.seq LIMIT :limit
                        """)
                .param("service", service)
                .param("now", utc(now))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** Services that have active entries. */
    public List<String> servicesWithActiveEntries() {
        return jdbc.sql("SELECT DISTINCT service FROM queued_request WHERE status IN " + ACTIVE)
                .query(String.class)
                .list();
    }

    /**
     * Moves a PENDING entry to REPLAYING with a lease. Returns false when another replayer (or an
     * administrator) changed the entry first.
     */
    public boolean claim(UUID id, Instant now, Instant leaseUntil) {
        return jdbc.sql(
                                """
                                UPDATE queued_request
                                SET status = 'REPLAYING', lease_until = :leaseUntil,
                                    updated_at = :now
                                WHERE id = :id AND status = 'PENDING'
                                """)
                        .param("id", id)
                        .param("leaseUntil", utc(leaseUntil))
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /**
     * Makes REPLAYING entries whose lease has expired PENDING again, such as entries of a gateway
     * that stopped during a replay. Their replay repeats with the same idempotency key.
     */
    public int releaseExpiredLeases(Instant now) {
        return jdbc.sql(
                        """
                        UPDATE queued_request
                        SET status = 'PENDING', lease_until = NULL, updated_at = :now
                        WHERE status = 'REPLAYING' AND lease_until < :now
                        """)
                .param("now", utc(now))
                .update();
    }

    /** Marks a replayed entry as delivered and deletes its body. */
    public void markDelivered(UUID id, int attempts, Instant now) {
        jdbc.sql(
                        """
                        UPDATE queued_request
                        SET status = 'DELIVERED', attempts = :attempts, body = NULL,
                            lease_until = NULL, last_error = NULL, delivered_at = :now,
                            updated_at = :now
                        WHERE id = :id AND status = 'REPLAYING'
                        """)
                .param("id", id)
                .param("attempts", attempts)
                .param("now", utc(now))
                .update();
    }

    /** Marks a replayed entry as rejected by the service; the body stays for a manual retry. */
    public void markRejected(UUID id, int attempts, String error, Instant now) {
        jdbc.sql(
                        """
                        UPDATE queued_request
                        SET status = 'REJECTED', attempts = :attempts, lease_until = NULL,
                            last_error = :error, updated_at = :now
                        WHERE id = :id AND status = 'REPLAYING'
                        """)
                .param("id", id)
                .param("attempts", attempts)
                .param("error", error)
                .param("now", utc(now))
                .update();
    }

    /** Returns a replayed entry to PENDING with the time of its next attempt. */
    public void scheduleRetry(
            UUID id, int attempts, Instant nextAttemptAt, String error, Instant now) {
        jdbc.sql(
                        """
                        UPDATE queued_request
                        SET status = 'PENDING', attempts = :attempts, lease_until = NULL,
                            next_attempt_at = :nextAttemptAt, last_error = :error,
                            updated_at = :now
                        WHERE id = :id AND status = 'REPLAYING'
                        """)
                .param("id", id)
                .param("attempts", attempts)
                .param("nextAttemptAt", utc(nextAttemptAt))
                .param("error", error)
                .param("now", utc(now))
                .update();
    }

    /**
     * Makes a PENDING or REJECTED entry due at once and records the administrator's action in the
     * same transaction.
     *
     * @return whether the entry was in one of those states
     */
    @Transactional
    public boolean retryNow(UUID id, AdminAction action) {
        int updated =
                jdbc.sql(
                                """
                                UPDATE queued_request
                                SET status = 'PENDING', next_attempt_at = :now, updated_at = :now
                                WHERE id = :id AND status IN ('PENDING', 'REJECTED')
                                  AND body IS NOT NULL
                                """)
                        .param("id", id)
                        .param("now", utc(action.occurredAt()))
                        .update();
        if (updated == 1) {
            insertAdminAction(action);
        }
        return updated == 1;
    }

    /**
     * Marks a PENDING or REJECTED entry as DISCARDED, deletes its body and records the
     * administrator's action in the same transaction.
     *
     * @return whether the entry was in one of those states
     */
    @Transactional
    public boolean discard(UUID id, AdminAction action) {
        int updated =
                jdbc.sql(
                                """
                                UPDATE queued_request
                                SET status = 'DISCARDED', body = NULL, last_error = 'DISCARDED',
                                    updated_at = :now
                                WHERE id = :id AND status IN ('PENDING', 'REJECTED')
                                """)
                        .param("id", id)
                        .param("now", utc(action.occurredAt()))
                        .update();
        if (updated == 1) {
            insertAdminAction(action);
        }
        return updated == 1;
    }

    /** An administrator's action on one entry, stored in {@code queue_admin_action}. */
    public record AdminAction(
            UUID queuedRequestId,
            String action,
            String actorId,
            String reason,
            String correlationId,
            Instant occurredAt) {}

    public List<AdminAction> findAdminActions(UUID queuedRequestId) {
        return jdbc.sql(
                        "SELECT * FROM queue_admin_action WHERE queued_request_id = :id"
                                + " ORDER BY occurred_at")
                .param("id", queuedRequestId)
                .query(
                        (rs, row) ->
                                new AdminAction(
                                        rs.getObject("queued_request_id", UUID.class),
                                        rs.getString("action"),
                                        rs.getString("actor_id"),
                                        rs.getString("reason"),
                                        rs.getString("correlation_id"),
                                        instant(rs, "occurred_at")))
                .list();
    }

    private void insertAdminAction(AdminAction action) {
        jdbc.sql(
                        """
                        INSERT INTO queue_admin_action (id, queued_request_id, action, actor_id,
                            reason, correlation_id, occurred_at)
                        VALUES (:id, :requestId, :action, :actorId, :reason, :correlationId,
                            :occurredAt)
                        """)
                .param("id", UUID.randomUUID())
                .param("requestId", action.queuedRequestId())
                .param("action", action.action())
                .param("actorId", action.actorId())
                .param("reason", action.reason())
                .param("correlationId", action.correlationId())
                .param("occurredAt", utc(action.occurredAt()))
                .update();
    }

    public List<DepthRow> depthByServiceAndStatus() {
        return jdbc.sql(
                        "SELECT service, status, COUNT(*) AS entries FROM queued_request"
                                + " GROUP BY service, status")
                .query(
                        (rs, row) ->
                                new DepthRow(
                                        rs.getString("service"),
                                        QueuedRequestStatus.valueOf(rs.getString("status")),
                                        rs.getLong("entries")))
                .list();
    }

    public List<OldestRow> oldestActiveByService() {
        return jdbc.sql(
                        "SELECT service, MIN(accepted_at) AS oldest FROM queued_request"
                                + " WHERE status IN "
                                + ACTIVE
                                + " GROUP BY service")
                .query((rs, row) -> new OldestRow(rs.getString("service"), instant(rs, "oldest")))
                .list();
    }

    /** Deletes terminal entries last changed before {@code cutoff}. */
    public int deleteTerminalBefore(Instant cutoff) {
        return jdbc.sql(
                        "DELETE FROM queued_request WHERE status IN ('DELIVERED', 'REJECTED',"
                                + " 'DISCARDED') AND updated_at < :cutoff")
                .param("cutoff", utc(cutoff))
                .update();
    }

    private QueuedRequest map(ResultSet rs, int row) throws SQLException {
        return new QueuedRequest(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getString("service"),
                rs.getString("route_id"),
                rs.getString("method"),
                rs.getString("path_and_query"),
                rs.getString("content_type"),
                rs.getString("idempotency_key"),
                rs.getString("correlation_id"),
                rs.getString("traceparent"),
                rs.getBytes("body"),
                rs.getString("body_key_id"),
                rs.getString("subject_id"),
                rs.getString("subject_role"),
                rs.getString("institution_id"),
                jsonMapper.readValue(rs.getString("subject_courses"), STRING_LIST),
                rs.getLong("token_version"),
                instant(rs, "accepted_at"),
                rs.getString("ordering_key"),
                QueuedRequestStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "lease_until"),
                rs.getString("last_error"),
                instant(rs, "delivered_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** PostgreSQL's driver binds {@code OffsetDateTime} but not {@code Instant}. */
    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
