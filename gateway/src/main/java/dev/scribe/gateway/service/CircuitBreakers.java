package dev.scribe.gateway.service;

import dev.scribe.gateway.config.ResilienceProperties;
import dev.scribe.gateway.config.ResilienceProperties.CircuitSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's breaker registry (platform CB-1): one Resilience4j breaker per circuit name,
 * created on first use from the configured profile, with the platform rules that Resilience4j lacks
 * added on top.
 *
 * <p>Resilience4j supplies the count-based window of CB-3 (b), the doubling open duration of CB-4
 * (its open-state attempt counter grows on every re-open from half-open and resets on close), the
 * half-open permits of CB-5 and the operator states of CB-2. This class adds the consecutive
 * failure rule of CB-3 (a), the rule that any failed half-open trial re-opens the circuit (CB-5:
 * Resilience4j would otherwise wait for all trials and compare a rate), the Retry-After extension
 * of CB-4, lifetime counters for {@code GET /admin/circuits} (CB-11) and the metrics of OB-4.
 *
 * <p>Names: {@code <service>} is the service circuit and {@code <service>:<operation>} an operation
 * circuit of the tier router, such as {@code writing-analysis:patterns}. CB-1 reserves {@code
 * <service>:<instanceId>} for instance circuits; the gateway keeps none (its load balancer retries
 * refused connections on another instance), and operation names never contain the {@code host:port}
 * form of an instance id, so the two cannot be confused.
 */
public class CircuitBreakers {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakers.class);

    /** Service id, optionally followed by {@code :} and an operation or instance name. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(:[A-Za-z0-9._-]+)?");

    /** The states of CB-2 as exported in {@code circuit_breaker_state}. */
    public static final List<CircuitBreaker.State> EXPORTED_STATES =
            List.of(
                    CircuitBreaker.State.CLOSED,
                    CircuitBreaker.State.OPEN,
                    CircuitBreaker.State.HALF_OPEN,
                    CircuitBreaker.State.FORCED_OPEN,
                    CircuitBreaker.State.DISABLED);

    /**
     * Receives the transitions that other gateway instances should apply, and every new circuit.
     * Used by {@link SharedCircuitState} in the distributed profile.
     */
    public interface TransitionListener {

        /**
         * Called after a local transition to {@code OPEN}, {@code FORCED_OPEN}, {@code DISABLED} or
         * {@code CLOSED}; never for a transition applied from another instance.
         *
         * @param until the end of the open duration, or null for the other states
         */
        void onTransition(String circuit, CircuitBreaker.State to, Instant until);

        /** Called once when a circuit is created, so it can take the shared state. */
        void onCreated(Circuit circuit);
    }

    private final ResilienceProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CircuitBreakerRegistry registry;
    private final ConcurrentMap<String, Circuit> circuits = new ConcurrentHashMap<>();
    private volatile TransitionListener listener;

    public CircuitBreakers(ResilienceProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.registry = CircuitBreakerRegistry.ofDefaults();
        // Reject a broken profile at start-up rather than on the first call.
        settingsFor("default");
        settingsFor("analysis-check");
        for (String name : properties.circuits().keySet()) {
            if (!name.equals("default") && !name.equals("analysis")) {
                settingsFor(name);
            }
        }
    }

    /** Sets the listener of shared state; at most one exists per process. */
    public void setTransitionListener(TransitionListener listener) {
        this.listener = listener;
    }

    TransitionListener listener() {
        return listener;
    }

    /** The underlying Resilience4j registry, for metrics binders and tests. */
    public CircuitBreakerRegistry registry() {
        return registry;
    }

    /**
     * Returns the circuit of this name, creating it from configuration on first use.
     *
     * @throws IllegalArgumentException for a name that is not {@code service} or {@code
     *     service:part}
     */
    public Circuit circuit(String name) {
        // The router calls this on every request, so only a new name pays for the check.
        Circuit existing = circuits.get(name);
        if (existing != null) {
            return existing;
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid circuit name: " + name);
        }
        boolean[] created = new boolean[1];
        Circuit circuit =
                circuits.computeIfAbsent(
                        name,
                        key -> {
                            created[0] = true;
                            return create(key);
                        });
        TransitionListener current = listener;
        if (created[0] && current != null) {
            current.onCreated(circuit);
        }
        return circuit;
    }

    /** Returns an existing circuit; admin endpoints never create circuits by accident. */
    public Optional<Circuit> find(String name) {
        return Optional.ofNullable(circuits.get(name));
    }

    /** Every circuit created so far, by name. */
    public List<Circuit> all() {
        List<Circuit> list = new ArrayList<>(circuits.values());
        list.sort(Comparator.comparing(Circuit::name));
        return list;
    }

    /** Resolves the effective settings: named entry over profile over the default profile. */
    CircuitSettings settingsFor(String name) {
        String service = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        CircuitSettings base =
                properties
                        .circuits()
                        .getOrDefault("default", CircuitSettings.defaultProfile())
                        .over(CircuitSettings.defaultProfile());
        if (properties.analysisServices().contains(service) || name.equals("analysis-check")) {
            base =
                    properties
                            .circuits()
                            .getOrDefault("analysis", CircuitSettings.analysisProfile())
                            .over(CircuitSettings.analysisProfile())
                            .over(base);
        }
        CircuitSettings own = properties.circuits().get(name);
        CircuitSettings effective = own == null ? base : own.over(base);
        validate(name, effective);
        return effective;
    }

    private static void validate(String name, CircuitSettings s) {
        String key = "platform.resilience.circuits." + name + ".";
        check(s.failureThreshold() >= 1, key + "failure-threshold must be at least 1");
        check(
                s.failureRateThreshold() >= 1 && s.failureRateThreshold() <= 100,
                key + "failure-rate-threshold must be between 1 and 100");
        check(s.windowSize() >= 1, key + "window-size must be at least 1");
        check(
                s.minimumCalls() >= 1 && s.minimumCalls() <= s.windowSize(),
                key + "minimum-calls must be between 1 and window-size");
        check(s.recoveryTimeoutMs() >= 1, key + "recovery-timeout-ms must be at least 1");
        check(
                s.maxRecoveryTimeoutMs() >= s.recoveryTimeoutMs(),
                key + "max-recovery-timeout-ms must not be below recovery-timeout-ms");
        check(s.successThreshold() >= 1, key + "success-threshold must be at least 1");
        check(
                s.permittedHalfOpenCalls().equals(s.successThreshold()),
                key + "permitted-half-open-calls must equal success-threshold (CB-5)");
        check(s.timeoutMs() >= 1, key + "timeout-ms must be at least 1");
        check(s.slowCallDurationMs() >= 1, key + "slow-call-duration-ms must be at least 1");
        check(
                s.slowCallRateThreshold() == null
                        || (s.slowCallRateThreshold() >= 1 && s.slowCallRateThreshold() <= 100),
                key + "slow-call-rate-threshold must be between 1 and 100 when set");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private Circuit create(String name) {
        CircuitSettings settings = settingsFor(name);
        CircuitBreakerConfig.Builder config =
                CircuitBreakerConfig.custom()
                        .clock(clock)
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.windowSize())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .failureRateThreshold(settings.failureRateThreshold())
                        .permittedNumberOfCallsInHalfOpenState(settings.permittedHalfOpenCalls())
                        // CB-4: the first call after the duration moves to half-open.
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .waitIntervalFunctionInOpenState(
                                IntervalFunction.ofExponentialBackoff(
                                        Duration.ofMillis(settings.recoveryTimeoutMs()),
                                        2.0,
                                        Duration.ofMillis(settings.maxRecoveryTimeoutMs())))
                        .slowCallDurationThreshold(Duration.ofMillis(settings.slowCallDurationMs()))
                        // Only classified failures reach onError, so every recorded error counts.
                        .recordException(error -> true);
        // Off by default (CB-3): 100 % slow calls would still trip, so the threshold of an
        // unset rule is paired with an unreachable duration.
        if (settings.slowCallRateThreshold() == null) {
            config.slowCallRateThreshold(100).slowCallDurationThreshold(Duration.ofDays(1));
        } else {
            config.slowCallRateThreshold(settings.slowCallRateThreshold());
        }
        CircuitBreaker breaker = registry.circuitBreaker(name, config.build());
        Circuit circuit = new Circuit(name, settings, breaker, clock, meters, this);
        log.info(
                "Created circuit {} ({} ms open, {} half-open trials)",
                name,
                settings.recoveryTimeoutMs(),
                settings.successThreshold());
        return circuit;
    }

    /** One circuit: a Resilience4j breaker plus the platform rules and counters. */
    public static final class Circuit {

        private final String name;
        private final CircuitSettings settings;
        private final CircuitBreaker breaker;
        private final Clock clock;

        private final AtomicLong totalCalls = new AtomicLong();
        private final AtomicLong totalFailures = new AtomicLong();
        private final AtomicLong totalShortCircuited = new AtomicLong();
        private final AtomicLong totalFallbacks = new AtomicLong();

        private final Counter successCounter;
        private final Counter failureCounter;
        private final Counter shortCircuitCounter;
        private final Counter fallbackCounter;
        private final MeterRegistry meters;
        private final CircuitBreakers owner;

        /** Set while a transition from another instance is applied, so it is not sent back. */
        private boolean applyingShared;

        /** End of an open duration taken from another instance, or null. */
        private Instant sharedUntil;

        // Guarded by this: the platform state that Resilience4j does not keep.
        private int consecutiveFailures;
        private int halfOpenSuccesses;
        private int reopenCount;
        private Instant openedAt;
        private Instant holdUntil;
        private long pendingRetryAfterMs;

        Circuit(
                String name,
                CircuitSettings settings,
                CircuitBreaker breaker,
                Clock clock,
                MeterRegistry meters,
                CircuitBreakers owner) {
            this.owner = owner;
            this.name = name;
            this.settings = settings;
            this.breaker = breaker;
            this.clock = clock;
            this.meters = meters;
            this.successCounter = callCounter("success");
            this.failureCounter = callCounter("failure");
            this.shortCircuitCounter = callCounter("short_circuited");
            this.fallbackCounter = callCounter("fallback");
            for (CircuitBreaker.State state : EXPORTED_STATES) {
                Gauge.builder("circuit_breaker_state", breaker, b -> b.getState() == state ? 1 : 0)
                        .tag("circuit", name)
                        .tag("state", state.name())
                        .register(meters);
            }
            breaker.getEventPublisher()
                    .onStateTransition(
                            event ->
                                    onTransition(
                                            event.getStateTransition().getFromState(),
                                            event.getStateTransition().getToState()));
        }

        private Counter callCounter(String outcome) {
            return Counter.builder("circuit_breaker_calls_total")
                    .tag("circuit", name)
                    .tag("outcome", outcome)
                    .register(meters);
        }

        public String name() {
            return name;
        }

        public CircuitSettings settings() {
            return settings;
        }

        public CircuitBreaker.State state() {
            return breaker.getState();
        }

        /** Tests whether a call would be short-circuited now, without taking a permit. */
        public boolean isBlocking() {
            CircuitBreaker.State state = breaker.getState();
            if (state == CircuitBreaker.State.FORCED_OPEN) {
                return true;
            }
            if (state != CircuitBreaker.State.OPEN) {
                return false;
            }
            Instant next = nextAttemptAt();
            return next != null && clock.instant().isBefore(next);
        }

        /**
         * Takes a permit for one call. False means short-circuited; the call must not be made.
         * Every true must be followed by exactly one of {@link #onSuccess}, {@link #onFailure} or
         * {@link #onIgnored}.
         */
        public boolean tryAcquire() {
            synchronized (this) {
                if (breaker.getState() == CircuitBreaker.State.OPEN
                        && holdUntil != null
                        && clock.instant().isBefore(holdUntil)) {
                    shortCircuited();
                    return false;
                }
            }
            if (!breaker.tryAcquirePermission()) {
                shortCircuited();
                return false;
            }
            totalCalls.incrementAndGet();
            return true;
        }

        private void shortCircuited() {
            totalShortCircuited.incrementAndGet();
            shortCircuitCounter.increment();
        }

        /** Records a call that the upstream answered (CB-7 success, 4xx included). */
        public void onSuccess(Duration duration) {
            successCounter.increment();
            synchronized (this) {
                CircuitBreaker.State before = breaker.getState();
                breaker.onSuccess(duration.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
                if (before == CircuitBreaker.State.DISABLED) {
                    return;
                }
                consecutiveFailures = 0;
                if (before == CircuitBreaker.State.HALF_OPEN
                        && breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
                    halfOpenSuccesses++;
                }
            }
        }

        /**
         * Records a classified failure (CB-7).
         *
         * @param retryAfter the Retry-After of a 503 or 429, or null
         */
        public void onFailure(Duration duration, Throwable cause, Duration retryAfter) {
            totalFailures.incrementAndGet();
            failureCounter.increment();
            synchronized (this) {
                CircuitBreaker.State before = breaker.getState();
                if (before == CircuitBreaker.State.DISABLED) {
                    breaker.onError(
                            duration.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS, cause);
                    return;
                }
                if (retryAfter != null) {
                    pendingRetryAfterMs = Math.max(pendingRetryAfterMs, retryAfter.toMillis());
                }
                consecutiveFailures++;
                int consecutive = consecutiveFailures;
                breaker.onError(
                        duration.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS, cause);

                CircuitBreaker.State after = breaker.getState();
                if (before == CircuitBreaker.State.HALF_OPEN
                        && after == CircuitBreaker.State.HALF_OPEN) {
                    // CB-5: any failed trial re-opens; Resilience4j would wait for a rate.
                    breaker.transitionToOpenState();
                } else if (after == CircuitBreaker.State.CLOSED
                        && consecutive >= settings.failureThreshold()) {
                    // CB-3 (a), which Resilience4j has no rule for.
                    breaker.transitionToOpenState();
                }
            }
        }

        /** Releases a permit without recording: the caller went away (CB-7 "ignored"). */
        public void onIgnored() {
            breaker.releasePermission();
        }

        /** Counts an answer that a fallback gave instead of this circuit's call. */
        public void onFallback() {
            totalFallbacks.incrementAndGet();
            fallbackCounter.increment();
        }

        /**
         * Applies a transition that another gateway instance made (distributed profile). An open
         * state keeps the other instance's end time, so all instances admit trials together.
         */
        public void applyShared(CircuitBreaker.State state, Instant until) {
            synchronized (this) {
                applyingShared = true;
                try {
                    CircuitBreaker.State current = breaker.getState();
                    switch (state) {
                        case OPEN -> {
                            if (until == null || !clock.instant().isBefore(until)) {
                                return;
                            }
                            if (current == CircuitBreaker.State.CLOSED
                                    || current == CircuitBreaker.State.HALF_OPEN) {
                                breaker.transitionToOpenStateUntil(until);
                            }
                            if (breaker.getState() == CircuitBreaker.State.OPEN) {
                                sharedUntil = until;
                                holdUntil = until;
                            }
                        }
                        case FORCED_OPEN -> breaker.transitionToForcedOpenState();
                        case DISABLED -> breaker.transitionToDisabledState();
                        case CLOSED -> {
                            if (current != CircuitBreaker.State.CLOSED) {
                                breaker.reset();
                                clearCounters();
                                reopenCount = 0;
                                openedAt = null;
                                holdUntil = null;
                            }
                        }
                        default -> {
                            // Half-open trials are local; nothing to apply.
                        }
                    }
                } finally {
                    applyingShared = false;
                }
            }
        }

        /** Operator reset to CLOSED (CB-11). */
        public void reset() {
            synchronized (this) {
                breaker.reset();
                clearCounters();
                reopenCount = 0;
                openedAt = null;
                holdUntil = null;
                sharedUntil = null;
            }
        }

        /** Operator state FORCED_OPEN: every call is short-circuited until reset (CB-2). */
        public void forceOpen() {
            breaker.transitionToForcedOpenState();
        }

        /** Operator state DISABLED: every call passes, nothing is recorded, until reset (CB-2). */
        public void disable() {
            breaker.transitionToDisabledState();
        }

        /**
         * The time from which an open circuit admits a trial call, or null when the circuit is not
         * open. A forced-open circuit has no such time.
         */
        public synchronized Instant nextAttemptAt() {
            if (breaker.getState() != CircuitBreaker.State.OPEN || openedAt == null) {
                return null;
            }
            if (sharedUntil != null) {
                return sharedUntil;
            }
            Instant scheduled = openedAt.plus(openDuration(reopenCount));
            return holdUntil != null && holdUntil.isAfter(scheduled) ? holdUntil : scheduled;
        }

        public synchronized Instant openedAt() {
            CircuitBreaker.State state = breaker.getState();
            return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                    ? openedAt
                    : null;
        }

        public synchronized int consecutiveFailures() {
            return consecutiveFailures;
        }

        public synchronized int halfOpenSuccesses() {
            return halfOpenSuccesses;
        }

        public int windowCalls() {
            return breaker.getMetrics().getNumberOfBufferedCalls();
        }

        public int windowFailures() {
            return breaker.getMetrics().getNumberOfFailedCalls();
        }

        public int windowSlowCalls() {
            return breaker.getMetrics().getNumberOfSlowCalls();
        }

        /** Failure rate in percent, or -1 until the window holds the minimum number of calls. */
        public float windowFailureRate() {
            return breaker.getMetrics().getFailureRate();
        }

        public long totalCalls() {
            return totalCalls.get();
        }

        public long totalFailures() {
            return totalFailures.get();
        }

        public long totalShortCircuited() {
            return totalShortCircuited.get();
        }

        public long totalFallbacks() {
            return totalFallbacks.get();
        }

        /** Base duration doubled per re-open after a failed trial, capped (CB-4). */
        private Duration openDuration(int reopens) {
            long base = settings.recoveryTimeoutMs();
            long cap = settings.maxRecoveryTimeoutMs();
            long millis = base;
            for (int i = 0; i < reopens && millis < cap; i++) {
                millis *= 2;
            }
            return Duration.ofMillis(Math.min(millis, cap));
        }

        private void clearCounters() {
            consecutiveFailures = 0;
            halfOpenSuccesses = 0;
            pendingRetryAfterMs = 0;
        }

        /** Runs inside the Resilience4j transition, on the thread that caused it. */
        private synchronized void onTransition(CircuitBreaker.State from, CircuitBreaker.State to) {
            Counter.builder("circuit_breaker_transitions_total")
                    .tag("circuit", name)
                    .tag("from", from.name())
                    .tag("to", to.name())
                    .register(meters)
                    .increment();

            long retryAfterMs = pendingRetryAfterMs;
            // CB-2: every transition resets the window and the platform counters.
            clearCounters();
            holdUntil = null;
            sharedUntil = null;
            if (to == CircuitBreaker.State.OPEN) {
                reopenCount = from == CircuitBreaker.State.HALF_OPEN ? reopenCount + 1 : 0;
                openedAt = clock.instant();
                if (retryAfterMs > 0) {
                    long capped = Math.min(retryAfterMs, settings.maxRecoveryTimeoutMs());
                    holdUntil = openedAt.plusMillis(capped);
                }
            } else if (to == CircuitBreaker.State.FORCED_OPEN) {
                openedAt = clock.instant();
            } else if (to == CircuitBreaker.State.CLOSED) {
                reopenCount = 0;
                openedAt = null;
            }

            TransitionListener listener = owner.listener();
            if (listener != null && !applyingShared && to != CircuitBreaker.State.HALF_OPEN) {
                listener.onTransition(
                        name, to, to == CircuitBreaker.State.OPEN ? nextAttemptAt() : null);
            }

            String toName = to.name().toLowerCase(Locale.ROOT);
            if (to == CircuitBreaker.State.OPEN) {
                log.warn(
                        "Circuit {} moved from {} to {} until {}", name, from, to, nextAttemptAt());
            } else {
                log.info("Circuit {} moved from {} to {}", name, from, toName);
            }
        }
    }
}
