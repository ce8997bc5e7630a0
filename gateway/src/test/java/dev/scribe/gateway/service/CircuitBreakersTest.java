package dev.scribe.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.gateway.config.ResilienceProperties;
import dev.scribe.gateway.config.ResilienceProperties.CircuitSettings;
import dev.scribe.gateway.service.CircuitBreakers.Circuit;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trip, open-duration and half-open rules of platform CB-2 to CB-6 on a controlled clock. */
class CircuitBreakersTest {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration TOOK = Duration.ofMillis(20);

    private final MutableClock clock = new MutableClock(START);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CircuitBreakers breakers =
            new CircuitBreakers(
                    new ResilienceProperties(Map.of(), List.of("writing-analysis")), clock, meters);

    private Circuit analysis() {
        return breakers.circuit("writing-analysis:sensitivity");
    }

    private static void fail(Circuit circuit) {
        assertThat(circuit.tryAcquire()).isTrue();
        circuit.onFailure(TOOK, new RuntimeException("HTTP_500"), null);
    }

    private static void succeed(Circuit circuit) {
        assertThat(circuit.tryAcquire()).isTrue();
        circuit.onSuccess(TOOK);
    }

    @Test
    void fiveConsecutiveFailuresOpenBeforeTheWindowHasItsMinimum() {
        Circuit circuit = analysis();
        for (int i = 0; i < 4; i++) {
            fail(circuit);
        }
        assertThat(circuit.state()).isEqualTo(State.CLOSED);
        assertThat(circuit.consecutiveFailures()).isEqualTo(4);

        fail(circuit);

        assertThat(circuit.state()).isEqualTo(State.OPEN);
        assertThat(circuit.openedAt()).isEqualTo(START);
        assertThat(circuit.nextAttemptAt()).isEqualTo(START.plusSeconds(60));
        assertThat(circuit.consecutiveFailures()).isZero();
        assertThat(meters.get("circuit_breaker_state").tag("state", "OPEN").gauge().value())
                .isEqualTo(1.0);
        assertThat(
                        meters.get("circuit_breaker_transitions_total")
                                .tag("from", "CLOSED")
                                .tag("to", "OPEN")
                                .counter()
                                .count())
                .isEqualTo(1.0);
    }

    @Test
    void successResetsTheConsecutiveCount() {
        Circuit circuit = analysis();
        for (int i = 0; i < 4; i++) {
            fail(circuit);
        }
        succeed(circuit);
        for (int i = 0; i < 4; i++) {
            fail(circuit);
        }

        assertThat(circuit.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void halfOfTenCallsInTheWindowOpens() {
        Circuit circuit = analysis();
        for (int i = 0; i < 4; i++) {
            fail(circuit);
            succeed(circuit);
        }
        fail(circuit);
        assertThat(circuit.state()).isEqualTo(State.CLOSED);
        assertThat(circuit.windowCalls()).isEqualTo(9);

        succeed(circuit);

        assertThat(circuit.state()).isEqualTo(State.OPEN);
    }

    @Test
    void openCircuitShortCircuitsUntilItsDurationThenAdmitsTwoTrials() {
        Circuit circuit = analysis();
        for (int i = 0; i < 5; i++) {
            fail(circuit);
        }

        clock.advance(Duration.ofSeconds(59));
        assertThat(circuit.tryAcquire()).isFalse();
        assertThat(circuit.isBlocking()).isTrue();
        assertThat(circuit.totalShortCircuited()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(circuit.isBlocking()).isFalse();
        assertThat(circuit.tryAcquire()).isTrue();
        assertThat(circuit.state()).isEqualTo(State.HALF_OPEN);
        assertThat(circuit.tryAcquire()).isTrue();
        // CB-5: calls beyond the two permits are short-circuited.
        assertThat(circuit.tryAcquire()).isFalse();

        circuit.onSuccess(TOOK);
        assertThat(circuit.halfOpenSuccesses()).isEqualTo(1);
        circuit.onSuccess(TOOK);

        assertThat(circuit.state()).isEqualTo(State.CLOSED);
        assertThat(circuit.nextAttemptAt()).isNull();
    }

    @Test
    void failedTrialReopensWithDoubledDurationCappedAtFiveMinutes() {
        Circuit circuit = analysis();
        for (int i = 0; i < 5; i++) {
            fail(circuit);
        }

        long[] expectedSeconds = {120, 240, 300, 300};
        for (long expected : expectedSeconds) {
            clock.advance(Duration.ofMinutes(6));
            assertThat(circuit.tryAcquire()).isTrue();
            assertThat(circuit.state()).isEqualTo(State.HALF_OPEN);
            circuit.onFailure(TOOK, new RuntimeException("TIMEOUT"), null);

            assertThat(circuit.state()).isEqualTo(State.OPEN);
            assertThat(Duration.between(circuit.openedAt(), circuit.nextAttemptAt()))
                    .isEqualTo(Duration.ofSeconds(expected));
        }

        // A successful close restores the base duration.
        clock.advance(Duration.ofMinutes(6));
        succeed(circuit);
        succeed(circuit);
        assertThat(circuit.state()).isEqualTo(State.CLOSED);
        for (int i = 0; i < 5; i++) {
            fail(circuit);
        }
        assertThat(Duration.between(circuit.openedAt(), circuit.nextAttemptAt()))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void retryAfterOfAContributingFailureExtendsTheOpenDuration() {
        Circuit circuit = analysis();
        for (int i = 0; i < 4; i++) {
            fail(circuit);
        }
        assertThat(circuit.tryAcquire()).isTrue();
        circuit.onFailure(TOOK, new RuntimeException("HTTP_503"), Duration.ofSeconds(200));

        assertThat(circuit.nextAttemptAt()).isEqualTo(START.plusSeconds(200));
        clock.advance(Duration.ofSeconds(100));
        assertThat(circuit.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(101));
        assertThat(circuit.tryAcquire()).isTrue();
    }

    @Test
    void retryAfterExtensionIsCappedAtFiveMinutes() {
        Circuit circuit = analysis();
        for (int i = 0; i < 4; i++) {
            fail(circuit);
        }
        assertThat(circuit.tryAcquire()).isTrue();
        circuit.onFailure(TOOK, new RuntimeException("HTTP_429"), Duration.ofHours(2));

        assertThat(circuit.nextAttemptAt()).isEqualTo(START.plusSeconds(300));
    }

    @Test
    void operatorStatesNeverChangeByThemselves() {
        Circuit circuit = analysis();

        circuit.forceOpen();
        clock.advance(Duration.ofHours(1));
        assertThat(circuit.tryAcquire()).isFalse();
        assertThat(circuit.state()).isEqualTo(State.FORCED_OPEN);

        circuit.disable();
        for (int i = 0; i < 20; i++) {
            fail(circuit);
        }
        assertThat(circuit.state()).isEqualTo(State.DISABLED);
        assertThat(circuit.consecutiveFailures()).isZero();

        circuit.reset();
        assertThat(circuit.state()).isEqualTo(State.CLOSED);
        assertThat(circuit.windowCalls()).isZero();
    }

    @Test
    void defaultProfileOpensForThirtySecondsWithThreeTrials() {
        Circuit circuit = breakers.circuit("core");
        for (int i = 0; i < 5; i++) {
            fail(circuit);
        }

        assertThat(circuit.nextAttemptAt()).isEqualTo(START.plusSeconds(30));
        assertThat(circuit.settings().successThreshold()).isEqualTo(3);
        assertThat(circuit.settings().timeoutMs()).isEqualTo(10_000L);
        assertThat(analysis().settings().timeoutMs()).isEqualTo(15_000L);
    }

    @Test
    void namedEntryOverridesItsProfileFieldByField() {
        CircuitSettings override =
                new CircuitSettings(
                        2, null, null, null, null, null, null, null, 500L, null, null, false);
        CircuitBreakers configured =
                new CircuitBreakers(
                        new ResilienceProperties(
                                Map.of("writing-analysis:patterns", override),
                                List.of("writing-analysis")),
                        clock,
                        meters);

        CircuitSettings effective = configured.circuit("writing-analysis:patterns").settings();

        assertThat(effective.failureThreshold()).isEqualTo(2);
        assertThat(effective.timeoutMs()).isEqualTo(500L);
        assertThat(effective.countTooManyRequests()).isFalse();
        assertThat(effective.recoveryTimeoutMs()).isEqualTo(60_000L);
    }

    @Test
    void halfOpenPermitsMustEqualTheSuccessThreshold() {
        CircuitSettings broken =
                new CircuitSettings(
                        null, null, null, null, null, null, 3, 2, null, null, null, null);

        assertThatThrownBy(
                        () ->
                                new CircuitBreakers(
                                        new ResilienceProperties(
                                                Map.of("default", broken), List.of()),
                                        clock,
                                        meters))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("permitted-half-open-calls must equal success-threshold");
    }

    @Test
    void invalidNamesAreRejected() {
        assertThatThrownBy(() -> breakers.circuit("Bad Name"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
