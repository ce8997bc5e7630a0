package dev.scribe.gateway.service;

import dev.scribe.gateway.config.WriteQueueProperties;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.domain.QueuedRequest;
import dev.scribe.gateway.domain.QueuedRequestRepository;
import dev.scribe.gateway.domain.QueuedRequestRepository.AdminAction;
import dev.scribe.gateway.domain.QueuedRequestStatus;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Accepts queueable writes into the durable queue and serves the status views. Every method blocks
 * on JDBC; reactive callers run it on {@code Schedulers.boundedElastic()}.
 */
@Service
public class WriteQueue {

    private static final Logger log = LoggerFactory.getLogger(WriteQueue.class);

    /** A write to queue, as the gateway received it from a verified caller. */
    public record Submission(
            QueueableRoutes.Match route,
            String method,
            String pathAndQuery,
            String contentType,
            String idempotencyKey,
            String correlationId,
            String traceparent,
            byte[] body,
            UserClaims caller) {}

    private final QueuedRequestRepository repository;
    private final QueueBodyCipher cipher;
    private final WriteQueueProperties properties;
    private final Clock clock;

    public WriteQueue(
            QueuedRequestRepository repository,
            QueueBodyCipher cipher,
            WriteQueueProperties properties,
            Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns the ordering key of a caller's write: subject id and resource path. */
    public static String orderingKey(UserClaims caller, QueueableRoutes.Match route) {
        return caller.subject() + " " + route.resourcePath();
    }

    /** Checks whether an earlier write to the same resource still waits in the queue. */
    public boolean hasPendingBefore(UserClaims caller, QueueableRoutes.Match route) {
        return repository.hasActive(orderingKey(caller, route));
    }

    /**
     * Stores the write and returns the committed entry. The insert commits before this method
     * returns, so a 202 is only ever sent for a stored entry.
     *
     * @throws PlatformErrorException {@code QUEUE_FULL} when a limit is reached, {@code
     *     UPSTREAM_UNAVAILABLE} when the queue store fails
     */
    public QueuedRequest accept(Submission submission) {
        if (submission.body().length > properties.maxBodyBytes()) {
            throw queueFull(
                    "The request body is too large to queue (maximum "
                            + properties.maxBodyBytes()
                            + " bytes); retry when the service is back.");
        }

        try {
            if (repository.countActiveBySubject(submission.caller().subject())
                    >= properties.maxPendingPerUser()) {
                throw queueFull(
                        "You have "
                                + properties.maxPendingPerUser()
                                + " queued changes, the maximum; retry when the service is back.");
            }
            if (repository.countActiveByService(submission.route().service())
                    >= properties.maxPendingPerService()) {
                throw queueFull(
                        "The queue of service "
                                + submission.route().service()
                                + " is full; retry when the service is back.");
            }

            QueuedRequest entry = newEntry(submission);
            repository.insert(entry);
            log.atInfo()
                    .addKeyValue("correlationId", submission.correlationId())
                    .addKeyValue("queuedRequestId", entry.id())
                    .addKeyValue("route", submission.route().routeId())
                    .addKeyValue("bodyBytes", submission.body().length)
                    .log("Stored a write in the queue");
            return entry;
        } catch (DataAccessException e) {
            log.atError()
                    .addKeyValue("correlationId", submission.correlationId())
                    .addKeyValue("route", submission.route().routeId())
                    .setCause(e)
                    .log("Failed to store a write in the queue");
            throw new PlatformErrorException(
                    ErrorCode.UPSTREAM_UNAVAILABLE,
                    "Service "
                            + submission.route().service()
                            + " is unavailable and the write could not be queued; retry later.",
                    List.of(),
                    Map.of(),
                    e);
        }
    }

    private QueuedRequest newEntry(Submission submission) {
        // Millisecond precision, the precision of every time on the wire.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        UserClaims caller = submission.caller();
        return new QueuedRequest(
                id,
                0,
                submission.route().service(),
                submission.route().routeId(),
                submission.method(),
                submission.pathAndQuery(),
                submission.contentType(),
                submission.idempotencyKey(),
                submission.correlationId(),
                submission.traceparent(),
                cipher.encrypt(id, submission.body()),
                cipher.keyId(),
                caller.subject(),
                caller.role().name(),
                caller.institution(),
                caller.courses(),
                caller.tokenVersion(),
                now,
                orderingKey(caller, submission.route()),
                QueuedRequestStatus.PENDING,
                0,
                now,
                null,
                null,
                null,
                now);
    }

    /** Returns the caller's entries, newest first, at most {@code limit}. */
    public List<QueuedRequest> listOwn(String subjectId, int limit) {
        return repository.findBySubject(subjectId, limit);
    }

    /** Returns the caller's entry, or empty when it does not exist or belongs to someone else. */
    public Optional<QueuedRequest> findOwn(String subjectId, UUID id) {
        return repository.findById(id).filter(entry -> entry.subjectId().equals(subjectId));
    }

    public List<QueuedRequest> listAll(QueuedRequestStatus status, int limit) {
        return repository.findAll(status, limit);
    }

    public Optional<QueuedRequest> find(UUID id) {
        return repository.findById(id);
    }

    /**
     * Makes a PENDING or REJECTED entry due at once, audited with the administrator's reason.
     *
     * @throws PlatformErrorException {@code NOT_FOUND} or {@code CONFLICT}
     */
    public QueuedRequest retry(UUID id, String actorId, String reason, String correlationId) {
        AdminAction action =
                new AdminAction(id, "RETRY", actorId, reason, correlationId, clock.instant());
        if (!repository.retryNow(id, action)) {
            throw conflictOrNotFound(id, "retried", "PENDING or REJECTED with a stored body");
        }
        log.atInfo()
                .addKeyValue("correlationId", correlationId)
                .addKeyValue("queuedRequestId", id)
                .log("Administrator scheduled a queued write for replay");
        return repository.findById(id).orElseThrow();
    }

    /**
     * Discards a PENDING or REJECTED entry, audited with the administrator's reason.
     *
     * @throws PlatformErrorException {@code NOT_FOUND} or {@code CONFLICT}
     */
    public QueuedRequest discard(UUID id, String actorId, String reason, String correlationId) {
        AdminAction action =
                new AdminAction(id, "DISCARD", actorId, reason, correlationId, clock.instant());
        if (!repository.discard(id, action)) {
            throw conflictOrNotFound(id, "discarded", "PENDING or REJECTED");
        }
        // NOTE: Q-9 asks for an in-app notification of the user; the platform has no
        // notifications service yet, so the entry's DISCARDED status is all the user sees.
        log.atInfo()
                .addKeyValue("correlationId", correlationId)
                .addKeyValue("queuedRequestId", id)
                .log("Administrator discarded a queued write");
        return repository.findById(id).orElseThrow();
    }

    private PlatformErrorException conflictOrNotFound(UUID id, String verb, String allowed) {
        Optional<QueuedRequest> entry = repository.findById(id);
        if (entry.isEmpty()) {
            return new PlatformErrorException(
                    ErrorCode.NOT_FOUND, "No queued request has id " + id + ".");
        }
        return new PlatformErrorException(
                ErrorCode.CONFLICT,
                "Queued request "
                        + id
                        + " is "
                        + entry.get().status()
                        + " and cannot be "
                        + verb
                        + "; only "
                        + allowed
                        + " entries can.");
    }

    private static PlatformErrorException queueFull(String message) {
        return new PlatformErrorException(ErrorCode.QUEUE_FULL, message);
    }
}
