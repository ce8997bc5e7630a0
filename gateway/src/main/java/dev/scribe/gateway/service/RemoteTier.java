package dev.scribe.gateway.service;

import dev.scribe.gateway.client.RefusedInstances;
import dev.scribe.gateway.client.RemoteOperationClient;
import dev.scribe.gateway.client.RemoteOperationClient.RemoteResponse;
import dev.scribe.gateway.config.AdaptiveProperties;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.platform.web.Tier;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote tier: the owning service behind its operation circuit, with the failure classification
 * of CB-7, attempt timeouts (CB-8) and retries of calls that are safe to repeat (GW-2 {@code retry:
 * idempotent}).
 */
public class RemoteTier {

    private static final Logger log = LoggerFactory.getLogger(RemoteTier.class);

    /** Reason of a failure in which no connection was opened, so nothing was sent. */
    static final String CONNECT_FAILED = "CONNECT_FAILED";

    /** The smallest attempt timeout derived from latency; below it a healthy call would fail. */
    static final Duration MIN_ADAPTIVE_TIMEOUT = Duration.ofMillis(250);

    private final RemoteOperationClient client;
    private final CircuitBreakers breakers;
    private final TierStatistics statistics;
    private final AdaptiveProperties properties;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final DoubleSupplier random;

    private final RefusedInstances refused;

    public RemoteTier(
            RemoteOperationClient client,
            CircuitBreakers breakers,
            TierStatistics statistics,
            AdaptiveProperties properties,
            JsonMapper jsonMapper,
            Clock clock,
            DoubleSupplier random,
            RefusedInstances refused) {
        this.refused = refused;
        this.client = client;
        this.breakers = breakers;
        this.statistics = statistics;
        this.properties = properties;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.random = random;
    }

    /** How CB-7 counts one outcome. */
    public enum Kind {
        /** 2xx with a parseable body: returned to the client. */
        SUCCESS,
        /** 4xx (and 429 when not counted): the upstream is healthy; returned unchanged. */
        CALLER_ERROR,
        /** Timeout, connection failure, 5xx, counted 429, malformed 2xx: may fall back. */
        FAILURE,
        /** The circuit did not admit the call. */
        SHORT_CIRCUITED
    }

    /**
     * The outcome of the remote tier for one request.
     *
     * @param response the upstream answer for SUCCESS and CALLER_ERROR, else null
     * @param reason a short code for logs (status or failure class), never content
     * @param attempts upstream calls made
     */
    public record Outcome(Kind kind, RemoteResponse response, String reason, int attempts) {}

    /**
     * The request as the router forwards it.
     *
     * @param headers sanitised headers with the user assertion and correlation id
     */
    public record Request(
            TieredOperation operation,
            String query,
            HttpHeaders headers,
            byte[] body,
            boolean retryAllowed) {}

    /**
     * Calls the service, repeating a failed attempt when the request allows it and the budget
     * leaves room.
     *
     * @param budget time this tier may use (AR-6)
     */
    public Mono<Outcome> call(Request request, Duration budget) {
        Instant deadline = clock.instant().plus(budget);
        return attempt(request, deadline, 1);
    }

    private Mono<Outcome> attempt(Request request, Instant deadline, int number) {
        CircuitBreakers.Circuit circuit = breakers.circuit(request.operation().circuitName());
        Duration remaining = Duration.between(clock.instant(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            return Mono.just(new Outcome(Kind.FAILURE, null, "DEADLINE", number - 1));
        }
        if (!circuit.tryAcquire()) {
            return Mono.just(new Outcome(Kind.SHORT_CIRCUITED, null, "CIRCUIT_OPEN", number - 1));
        }

        Duration timeout = attemptTimeout(request.operation(), remaining, number);
        long started = System.nanoTime();
        return client.post(
                        TieredOperation.SERVICE,
                        request.operation().path(),
                        request.query(),
                        request.headers(),
                        request.body(),
                        timeout)
                // CB-7: a caller that went away is ignored, neither success nor failure.
                .doOnCancel(circuit::onIgnored)
                .map(response -> classify(response, circuit.settings().countTooManyRequests()))
                .onErrorResume(error -> Mono.just(failure(request, error)))
                .flatMap(
                        classified -> {
                            Duration took = Duration.ofNanos(System.nanoTime() - started);
                            Outcome outcome =
                                    new Outcome(
                                            classified.kind(),
                                            classified.response(),
                                            classified.reason(),
                                            number);
                            boolean retrying =
                                    classified.kind() == Kind.FAILURE
                                            && mayRetry(request, outcome, deadline, number);
                            if (retrying && CONNECT_FAILED.equals(classified.reason())) {
                                // One dead instance is not a failing operation: the retry goes
                                // to another instance, and only its outcome counts.
                                circuit.onIgnored();
                            } else if (classified.kind() == Kind.FAILURE) {
                                circuit.onFailure(
                                        took,
                                        new RemoteFailure(classified.reason()),
                                        retryAfter(classified.response()));
                            } else {
                                circuit.onSuccess(took);
                            }
                            if (!retrying) {
                                return Mono.just(outcome);
                            }
                            Duration backoff = backoff(number);
                            log.debug(
                                    "Retrying {} after {} ({} ms)",
                                    request.operation().circuitName(),
                                    classified.reason(),
                                    backoff.toMillis());
                            return Mono.delay(backoff)
                                    .then(Mono.defer(() -> attempt(request, deadline, number + 1)));
                        });
    }

    private boolean mayRetry(Request request, Outcome outcome, Instant deadline, int number) {
        // A connection that was never opened carried no request, so repeating it is safe for
        // every operation; the load balancer usually picks another instance.
        boolean neverSent = CONNECT_FAILED.equals(outcome.reason());
        if ((!request.retryAllowed() && !neverSent) || number > properties.maxRetries()) {
            return false;
        }
        // An upstream that names a time to wait is not asked again before then; the router
        // falls back instead.
        if (retryAfter(outcome.response()) != null) {
            return false;
        }
        // A retry that cannot finish before the deadline only delays the fallback.
        return clock.instant().plus(backoff(number)).plus(MIN_ADAPTIVE_TIMEOUT).isBefore(deadline);
    }

    /**
     * The attempt timeout: the whole remaining budget for the first attempt, and for a retry four
     * times the observed p95 latency (at least {@link #MIN_ADAPTIVE_TIMEOUT}), never beyond the
     * remaining budget. A slow service thus fails a retry quickly instead of eating the deadline.
     */
    Duration attemptTimeout(TieredOperation operation, Duration remaining, int number) {
        if (number == 1) {
            return remaining;
        }
        TierStatistics.Snapshot window = statistics.snapshot(operation, Tier.REMOTE);
        if (window.samples() < properties.minSamples()) {
            return remaining;
        }
        Duration adaptive =
                Duration.ofMillis(
                        Math.max(MIN_ADAPTIVE_TIMEOUT.toMillis(), 4 * window.p95LatencyMs()));
        return adaptive.compareTo(remaining) < 0 ? adaptive : remaining;
    }

    /** Full-jitter exponential backoff: uniform in [base·2^(n−1)/2, base·2^(n−1)·3/2). */
    Duration backoff(int number) {
        long base = properties.retryBaseDelayMs() << Math.min(10, number - 1);
        return Duration.ofMillis((long) (base * (0.5 + random.getAsDouble())));
    }

    private record Classified(Kind kind, RemoteResponse response, String reason) {}

    private Classified classify(RemoteResponse response, boolean countTooManyRequests) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return parseable(response)
                    ? new Classified(Kind.SUCCESS, response, "HTTP_" + status)
                    : new Classified(Kind.FAILURE, response, "MALFORMED_BODY");
        }
        if (status == 429) {
            return countTooManyRequests
                    ? new Classified(Kind.FAILURE, response, "HTTP_429")
                    : new Classified(Kind.CALLER_ERROR, response, "HTTP_429");
        }
        if (status >= 500) {
            return new Classified(Kind.FAILURE, response, "HTTP_" + status);
        }
        return new Classified(Kind.CALLER_ERROR, response, "HTTP_" + status);
    }

    /** CB-7: a 2xx whose body is not the declared JSON counts as a failure. */
    private boolean parseable(RemoteResponse response) {
        MediaType type = response.headers().getContentType();
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return false;
        }
        try {
            return jsonMapper.readTree(response.body()).isObject();
        } catch (JacksonException e) {
            return false;
        }
    }

    private Classified failure(Request request, Throwable error) {
        if (error instanceof TimeoutException) {
            return new Classified(Kind.FAILURE, null, "TIMEOUT");
        }
        String instance =
                error instanceof WebClientRequestException failed
                                && failed.getUri().getHost() != null
                        ? failed.getUri().getHost() + ":" + failed.getUri().getPort()
                        : null;
        boolean connectFailed = false;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // Netty's connect timeout and refused connection both extend ConnectException.
            connectFailed |= cause instanceof ConnectException;
        }
        if (instance != null) {
            // Operators (and the resilience benchmark) read from these lines when traffic to a
            // dead instance stopped.
            log.atInfo()
                    .addKeyValue("correlationId", request.headers().getFirst(CorrelationIds.HEADER))
                    .addKeyValue("operation", request.operation().circuitName())
                    .addKeyValue("instance", instance)
                    .addKeyValue("error", error.getClass().getSimpleName())
                    .log(
                            "Connection to upstream instance failed{}",
                            connectFailed ? "; it is left out of load balancing for a while" : "");
        }
        if (connectFailed) {
            // The load balancer leaves the instance out of the next choices.
            if (instance != null) {
                refused.refused(instance);
            }
            return new Classified(Kind.FAILURE, null, CONNECT_FAILED);
        }
        return new Classified(Kind.FAILURE, null, "CONNECTION:" + error.getClass().getSimpleName());
    }

    /** The Retry-After of a 503 or 429, in seconds or as an HTTP date; null otherwise. */
    Duration retryAfter(RemoteResponse response) {
        if (response == null || (response.status() != 503 && response.status() != 429)) {
            return null;
        }
        String value = response.headers().getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at =
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant();
                Duration until = Duration.between(clock.instant(), at);
                return until.isNegative() || until.isZero() ? null : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** The recorded cause of a classified failure: a code, never upstream content. */
    static final class RemoteFailure extends RuntimeException {
        RemoteFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
