package dev.scribe.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One write in the gateway's queue. The body is stored encrypted ({@code encryptedBody}, {@code
 * bodyKeyId}) and is {@code null} once the entry is delivered or ended.
 *
 * @param orderingKey subject id and resource path; entries with the same key replay in {@code seq}
 *     order
 * @param leaseUntil end of the replay lease while the entry is {@code REPLAYING}, otherwise {@code
 *     null}
 * @param lastError short error code of the last failed attempt, without personal data
 */
public record QueuedRequest(
        UUID id,
        long seq,
        String service,
        String routeId,
        String method,
        String pathAndQuery,
        String contentType,
        String idempotencyKey,
        String correlationId,
        String traceparent,
        byte[] encryptedBody,
        String bodyKeyId,
        String subjectId,
        String subjectRole,
        String institutionId,
        List<String> subjectCourses,
        long tokenVersion,
        Instant acceptedAt,
        String orderingKey,
        QueuedRequestStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String lastError,
        Instant deliveredAt,
        Instant updatedAt) {

    public QueuedRequest {
        subjectCourses = List.copyOf(subjectCourses);
    }

    /** Leaves out the body and the subject id, because they must not reach logs. */
    @Override
    public String toString() {
        return "QueuedRequest[id="
                + id
                + ", service="
                + service
                + ", method="
                + method
                + ", status="
                + status
                + ", attempts="
                + attempts
                + "]";
    }
}
