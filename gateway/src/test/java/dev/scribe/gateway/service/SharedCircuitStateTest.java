package dev.scribe.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.gateway.config.ResilienceProperties;
import dev.scribe.gateway.config.SharedCircuitStateProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Breaker state shared between two gateway instances through the real Redis on 127.0.0.1:6379,
 * under a random key prefix that the test deletes afterwards.
 */
class SharedCircuitStateTest {

    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final String NAME = "writing-analysis:sensitivity";

    private final String prefix = "test-" + UUID.randomUUID();
    private final List<SharedCircuitState> started = new ArrayList<>();

    @BeforeEach
    void requireRedis() {
        try (RedisClient client = RedisClient.create(REDIS);
                StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().ping();
        } catch (RuntimeException e) {
            Assumptions.abort("Redis is not reachable at " + REDIS + ": " + e.getMessage());
        }
    }

    @AfterEach
    void cleanUp() {
        started.forEach(SharedCircuitState::stop);
        try (RedisClient client = RedisClient.create(REDIS);
                StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().del(prefix + ":circuit-state");
        }
    }

    private CircuitBreakers instance() {
        CircuitBreakers breakers =
                new CircuitBreakers(
                        new ResilienceProperties(Map.of(), List.of("writing-analysis")),
                        Clock.systemUTC(),
                        new SimpleMeterRegistry());
        SharedCircuitState shared =
                new SharedCircuitState(
                        breakers, new SharedCircuitStateProperties(true, REDIS, prefix, 2000));
        shared.start();
        started.add(shared);
        return breakers;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within 5 s").isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @Test
    void tripOnOneInstanceOpensTheOther() {
        CircuitBreakers first = instance();
        CircuitBreakers second = instance();
        CircuitBreakers.Circuit local = first.circuit(NAME);
        CircuitBreakers.Circuit remote = second.circuit(NAME);

        for (int i = 0; i < 5; i++) {
            assertThat(local.tryAcquire()).isTrue();
            local.onFailure(Duration.ofMillis(5), new RuntimeException("HTTP_500"), null);
        }

        awaitTrue(() -> remote.state() == State.OPEN);
        assertThat(remote.nextAttemptAt())
                .isEqualTo(local.nextAttemptAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(remote.tryAcquire()).isFalse();
    }

    @Test
    void operatorStatesAndResetsReachEveryInstance() {
        CircuitBreakers first = instance();
        CircuitBreakers second = instance();
        CircuitBreakers.Circuit local = first.circuit(NAME);
        CircuitBreakers.Circuit remote = second.circuit(NAME);

        local.forceOpen();
        awaitTrue(() -> remote.state() == State.FORCED_OPEN);

        remote.disable();
        awaitTrue(() -> local.state() == State.DISABLED);

        local.reset();
        awaitTrue(() -> remote.state() == State.CLOSED);
    }

    @Test
    void circuitCreatedLaterStartsFromTheSharedState() {
        CircuitBreakers first = instance();
        first.circuit(NAME).forceOpen();
        CircuitBreakers second = instance();

        CircuitBreakers.Circuit late = second.circuit(NAME);

        awaitTrue(() -> late.state() == State.FORCED_OPEN);
    }

    @Test
    void malformedMessagesAreIgnored() {
        CircuitBreakers breakers = instance();
        CircuitBreakers.Circuit circuit = breakers.circuit(NAME);

        started.get(0).receive(NAME + "|EXPLODED||other");
        started.get(0).receive("only|three|fields");

        assertThat(circuit.state()).isEqualTo(State.CLOSED);
    }
}
