package dev.scribe.gateway.service;

import dev.scribe.gateway.config.WriteQueueProperties;
import dev.scribe.gateway.domain.QueuedRequest;
import dev.scribe.gateway.domain.QueuedRequestRepository;
import dev.scribe.gateway.domain.QueuedRequestView;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.ServiceTokenClient;
import dev.scribe.platform.security.ServiceTokenException;
import dev.scribe.platform.security.ServiceTokens;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.CorrelationIds;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays queued writes to their services. A replay run starts on a timer ({@code
 * replayIntervalMs}), when a new instance of a service appears in discovery, and when a service
 * circuit closes; both are checked every {@code checkIntervalMs}.
 *
 * <p>Entries of a service whose circuit is OPEN or FORCED_OPEN wait. Per ordering key only the
 * oldest active entry is replayed, so a key's writes reach the service in acceptance order;
 * different keys of a service replay in parallel, at most {@code replayConcurrency} at a time. Each
 * replay carries a freshly signed user assertion, {@code X-Replayed: true}, {@code X-Accepted-At}
 * and the original {@code Idempotency-Key}, so a repeated delivery has no second effect.
 *
 * <p>Outcomes: 2xx marks the entry DELIVERED and deletes its body; 4xx other than 408 and 429 marks
 * it REJECTED; anything else (408, 429, 5xx, no instance, failed connection, timeout) schedules a
 * retry after {@code initialBackoffMs × 2^n}, capped at {@code maxBackoffMs}, without a limit on
 * attempts. State lives only in the database, so a restarted gateway carries on where it stopped;
 * an entry left REPLAYING by a stopped gateway becomes PENDING again when its lease expires.
 *
 * <p>NOTE: the platform has no identity service yet, so the replayer cannot check that the subject
 * is still active and its token version unchanged (REJECTED with SUBJECT_INACTIVE or
 * SUBJECT_CHANGED), and a REJECTED user gets no in-app notification.
 */
@Service
public class WriteQueueReplayer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WriteQueueReplayer.class);

    /** Time added to the route timeout for the replay lease of an entry. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final QueuedRequestRepository repository;
    private final QueueBodyCipher cipher;
    private final QueueableRoutes routes;
    private final ServiceCircuits circuits;
    private final DiscoveryClient discovery;
    private final ServiceTokenClient serviceTokens;
    private final TokenIssuer assertionIssuer;
    private final WebClient webClient;
    private final QueueMetrics metrics;
    private final JsonMapper jsonMapper;
    private final WriteQueueProperties properties;
    private final Clock clock;

    private final Map<String, Set<String>> knownInstances = new HashMap<>();
    private final Map<String, Boolean> circuitWasClosed = new HashMap<>();
    private Instant nextTimedRun = Instant.MIN;
    private ScheduledExecutorService executor;

    private enum Outcome {
        DELIVERED,
        REJECTED,
        RETRY
    }

    private record Attempt(QueuedRequest entry, Outcome outcome, String error) {}

    public WriteQueueReplayer(
            QueuedRequestRepository repository,
            QueueBodyCipher cipher,
            QueueableRoutes routes,
            ServiceCircuits circuits,
            DiscoveryClient discovery,
            TokenIssuer userAssertionIssuer,
            ServiceTokenClient serviceTokens,
            WebClient writeQueueWebClient,
            QueueMetrics metrics,
            JsonMapper jsonMapper,
            WriteQueueProperties properties,
            Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.routes = routes;
        this.circuits = circuits;
        this.discovery = discovery;
        this.assertionIssuer = userAssertionIssuer;
        this.serviceTokens = serviceTokens;
        this.webClient = writeQueueWebClient;
        this.metrics = metrics;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        executor =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "write-queue-replayer");
                            thread.setDaemon(true);
                            return thread;
                        });
        executor.scheduleWithFixedDelay(
                this::check, 0, properties.checkIntervalMs(), TimeUnit.MILLISECONDS);
        log.info(
                "Write queue replayer started (replay every {} ms, checks every {} ms)",
                properties.replayIntervalMs(),
                properties.checkIntervalMs());
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Write queue replayer did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        log.info("Write queue replayer stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Runs on the replayer thread: updates the metrics and starts a replay run when one is due. */
    private void check() {
        try {
            Instant now = clock.instant();
            metrics.update(
                    repository.depthByServiceAndStatus(), repository.oldestActiveByService(), now);

            String reason = replayReason(now);
            if (reason != null) {
                nextTimedRun = now.plusMillis(properties.replayIntervalMs());
                replayAll(reason);
            }
        } catch (RuntimeException e) {
            // The next check tries again; the queue state is unchanged by a failed check.
            log.warn("Write queue check failed; retrying at the next check", e);
        }
    }

    /** Returns why a replay run is due now, or null. Also records the state for the next check. */
    private String replayReason(Instant now) {
        String reason = now.isBefore(nextTimedRun) ? null : "timer";
        for (String service : routes.services()) {
            Set<String> instances = new HashSet<>();
            for (ServiceInstance instance : discovery.getInstances(service)) {
                instances.add(instance.getHost() + ":" + instance.getPort());
            }
            Set<String> previous = knownInstances.put(service, instances);
            if (reason == null && previous != null && !previous.containsAll(instances)) {
                reason = "new instance of " + service;
            }

            boolean closed = circuits.isClosed(service);
            Boolean wasClosed = circuitWasClosed.put(service, closed);
            if (reason == null && closed && Boolean.FALSE.equals(wasClosed)) {
                reason = "circuit of " + service + " closed";
            }
        }
        return reason;
    }

    /** Replays every due entry; public so that tests and administrators can start a run. */
    public void replayAll(String reason) {
        Instant now = clock.instant();
        int released = repository.releaseExpiredLeases(now);
        if (released > 0) {
            log.info("Released {} queued writes whose replay lease expired", released);
        }

        for (String service : repository.servicesWithActiveEntries()) {
            replayService(service, reason);
        }

        Instant cutoff = now.minus(Duration.ofDays(properties.terminalRetentionDays()));
        int deleted = repository.deleteTerminalBefore(cutoff);
        if (deleted > 0) {
            log.info("Deleted {} ended queued writes older than the retention period", deleted);
        }
    }

    private void replayService(String service, String reason) {
        while (!Thread.currentThread().isInterrupted()) {
            Instant now = clock.instant();
            List<QueuedRequest> heads =
                    repository.findReplayable(service, now, properties.replayConcurrency());
            if (heads.isEmpty()) {
                return;
            }
            // Each batch is one call on the service circuit: while the circuit is open the
            // entries wait; once its open time has passed the batch is the half-open trial.
            if (!circuits.tryAcquireForReplay(service)) {
                return;
            }
            long batchStarted = System.nanoTime();

            // The service accepts what the proxy chain sends: the gateway's service token and a
            // user assertion. Without a token nothing can be delivered now.
            String serviceToken;
            try {
                serviceToken = serviceTokens.token(service, ServiceTokens.SCOPE_API_INVOKE);
            } catch (ServiceTokenException e) {
                circuits.releaseReplay(service);
                log.atWarn()
                        .addKeyValue("upstreamService", service)
                        .log("Queued writes wait: no service token ({})", e.getMessage());
                return;
            }
            log.atInfo()
                    .addKeyValue("upstreamService", service)
                    .addKeyValue("entries", heads.size())
                    .addKeyValue("reason", reason)
                    .log("Replaying queued writes");

            List<QueuedRequest> claimed = new ArrayList<>();
            for (QueuedRequest head : heads) {
                long timeoutMs = routes.timeoutMs(head.routeId(), 15_000);
                Instant leaseUntil = now.plusMillis(timeoutMs).plus(LEASE_MARGIN);
                if (repository.claim(head.id(), now, leaseUntil)) {
                    claimed.add(head);
                }
            }

            if (claimed.isEmpty()) {
                // Another gateway took these entries; this batch made no call.
                circuits.releaseReplay(service);
                return;
            }

            List<Attempt> attempts =
                    Flux.fromIterable(claimed)
                            .flatMap(
                                    entry -> send(entry, serviceToken),
                                    properties.replayConcurrency())
                            .collectList()
                            .block();
            boolean anyDelivered = false;
            for (Attempt attempt : attempts == null ? List.<Attempt>of() : attempts) {
                record(attempt);
                anyDelivered |= attempt.outcome() != Outcome.RETRY;
            }
            circuits.recordReplay(
                    service, anyDelivered, Duration.ofNanos(System.nanoTime() - batchStarted));

            // Entries that failed are scheduled for later, so only progress makes another batch
            // worthwhile now: the next entries of the keys that moved on.
            if (!anyDelivered) {
                return;
            }
        }
    }

    private Mono<Attempt> send(QueuedRequest entry, String serviceToken) {
        byte[] body;
        try {
            body = cipher.decrypt(entry.id(), entry.bodyKeyId(), entry.encryptedBody());
        } catch (IllegalStateException e) {
            log.atError()
                    .addKeyValue("queuedRequestId", entry.id())
                    .setCause(e)
                    .log("Queued body cannot be decrypted; the entry is rejected");
            return Mono.just(new Attempt(entry, Outcome.REJECTED, "BODY_UNREADABLE"));
        }

        long timeoutMs = routes.timeoutMs(entry.routeId(), 15_000);
        String assertion =
                assertionIssuer.issue(
                        new UserClaims(
                                entry.subjectId(),
                                Role.valueOf(entry.subjectRole()),
                                entry.institutionId(),
                                entry.subjectCourses(),
                                entry.tokenVersion()));

        return webClient
                .method(HttpMethod.valueOf(entry.method()))
                .uri("http://" + entry.service() + entry.pathAndQuery())
                .headers(
                        headers -> {
                            if (entry.contentType() != null) {
                                headers.set(HttpHeaders.CONTENT_TYPE, entry.contentType());
                            }
                            headers.set("Idempotency-Key", entry.idempotencyKey());
                            headers.set(CorrelationIds.HEADER, entry.correlationId());
                            if (entry.traceparent() != null) {
                                headers.set("traceparent", entry.traceparent());
                            }
                            headers.setBearerAuth(serviceToken);
                            headers.set(UserAssertions.HEADER, assertion);
                            headers.set("X-Replayed", "true");
                            headers.set(
                                    "X-Accepted-At", QueuedRequestView.format(entry.acceptedAt()));
                        })
                .bodyValue(body)
                .exchangeToMono(
                        response ->
                                response.bodyToMono(String.class)
                                        .defaultIfEmpty("")
                                        .map(
                                                text ->
                                                        classify(
                                                                entry,
                                                                response.statusCode().value(),
                                                                text)))
                .timeout(Duration.ofMillis(timeoutMs))
                .onErrorResume(
                        error -> Mono.just(new Attempt(entry, Outcome.RETRY, errorCode(error))));
    }

    private Attempt classify(QueuedRequest entry, int status, String body) {
        if (status >= 200 && status < 300) {
            return new Attempt(entry, Outcome.DELIVERED, null);
        }
        String error = "HTTP_" + status;
        String code = platformErrorCode(body);
        if (code != null) {
            error = error + ":" + code;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new Attempt(entry, Outcome.REJECTED, error);
        }
        return new Attempt(entry, Outcome.RETRY, error);
    }

    private void record(Attempt attempt) {
        QueuedRequest entry = attempt.entry();
        int attempts = entry.attempts() + 1;
        Instant now = clock.instant();

        switch (attempt.outcome()) {
            case DELIVERED -> repository.markDelivered(entry.id(), attempts, now);
            case REJECTED -> repository.markRejected(entry.id(), attempts, attempt.error(), now);
            case RETRY ->
                    repository.scheduleRetry(
                            entry.id(),
                            attempts,
                            now.plus(backoff(attempts)),
                            attempt.error(),
                            now);
        }
        metrics.countReplay(entry.service(), attempt.outcome().name().toLowerCase());
        log.atInfo()
                .addKeyValue("correlationId", entry.correlationId())
                .addKeyValue("queuedRequestId", entry.id())
                .addKeyValue("outcome", attempt.outcome())
                .addKeyValue("attempts", attempts)
                .addKeyValue("error", attempt.error())
                .log("Replayed a queued write");
    }

    /** Returns {@code initialBackoff × 2^(attempts - 1)}, capped at {@code maxBackoff}. */
    Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long delayMs = properties.initialBackoffMs() << doublings;
        if (delayMs <= 0 || delayMs > properties.maxBackoffMs()) {
            delayMs = properties.maxBackoffMs();
        }
        return Duration.ofMillis(delayMs);
    }

    /** Returns {@code error.code} of a platform error body, or null. */
    private String platformErrorCode(String body) {
        if (body.isEmpty() || body.length() > 65_536) {
            return null;
        }
        try {
            JsonNode code = jsonMapper.readTree(body).path("error").path("code");
            String text = code.isString() ? code.asString() : null;
            return text != null && ERROR_CODE.matcher(text).matches() ? text : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String errorCode(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof ConnectException) {
                return "CONNECT_FAILED";
            }
            if (current instanceof TimeoutException) {
                return "TIMEOUT";
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return "REQUEST_FAILED";
    }
}
