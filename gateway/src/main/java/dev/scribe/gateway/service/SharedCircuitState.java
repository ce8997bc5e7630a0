package dev.scribe.gateway.service;

import dev.scribe.gateway.config.SharedCircuitStateProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Shares breaker transitions between gateway instances through Redis (distributed profile). Each
 * instance publishes its transitions to {@code OPEN} (with the end of the open time), {@code
 * FORCED_OPEN}, {@code DISABLED} and {@code CLOSED} on a channel, and keeps the latest per circuit
 * in a hash, from which a circuit created later starts. Half-open trials stay local.
 *
 * <p>Messages are {@code name|STATE|untilEpochMillis|originId}, and an instance ignores its own.
 * Publishing is asynchronous, so a transition on a request thread does not wait for Redis. Redis
 * must be reachable at start; a later outage leaves every instance with its local breakers.
 */
public class SharedCircuitState implements CircuitBreakers.TransitionListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SharedCircuitState.class);

    private final CircuitBreakers breakers;
    private final SharedCircuitStateProperties properties;
    private final String originId = UUID.randomUUID().toString();
    private final String channel;
    private final String hash;

    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private StatefulRedisPubSubConnection<String, String> subscription;

    public SharedCircuitState(CircuitBreakers breakers, SharedCircuitStateProperties properties) {
        this.breakers = breakers;
        this.properties = properties;
        this.channel = properties.keyPrefix() + ":circuit-transitions";
        this.hash = properties.keyPrefix() + ":circuit-state";
    }

    @Override
    public synchronized void start() {
        RedisURI uri = RedisURI.create(properties.redisUrl());
        uri.setTimeout(Duration.ofMillis(properties.timeoutMs()));
        client = RedisClient.create(uri);
        connection = client.connect();
        subscription = client.connectPubSub();
        subscription.addListener(
                new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String from, String message) {
                        receive(message);
                    }
                });
        subscription.sync().subscribe(channel);
        breakers.setTransitionListener(this);
        // Circuits created before the subscription take the stored state now.
        breakers.all().forEach(this::onCreated);
        log.info("Sharing breaker state through Redis on channel {}", channel);
    }

    @Override
    public synchronized void stop() {
        breakers.setTransitionListener(null);
        if (subscription != null) {
            subscription.close();
            connection.close();
            client.shutdown();
            subscription = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return subscription != null;
    }

    /** Returns the id that marks the messages of this instance. */
    public String originId() {
        return originId;
    }

    @Override
    public void onTransition(String circuit, CircuitBreaker.State to, Instant until) {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            return;
        }
        String message =
                circuit
                        + "|"
                        + to.name()
                        + "|"
                        + (until == null ? "" : Long.toString(until.toEpochMilli()))
                        + "|"
                        + originId;
        current.async()
                .hset(hash, circuit, message)
                .thenCompose(ignored -> current.async().publish(channel, message))
                .exceptionally(
                        error -> {
                            log.warn(
                                    "Publishing the transition of circuit {} to {} failed: {}",
                                    circuit,
                                    to,
                                    error.getClass().getSimpleName());
                            return null;
                        });
    }

    @Override
    public void onCreated(CircuitBreakers.Circuit circuit) {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            return;
        }
        current.async()
                .hget(hash, circuit.name())
                .thenAccept(
                        stored -> {
                            if (stored != null) {
                                receive(stored);
                            }
                        })
                .exceptionally(
                        error -> {
                            log.warn(
                                    "Reading the shared state of circuit {} failed: {}",
                                    circuit.name(),
                                    error.getClass().getSimpleName());
                            return null;
                        });
    }

    /** Applies one message from another instance; malformed messages are logged and skipped. */
    void receive(String message) {
        String[] parts = message.split("\\|", -1);
        if (parts.length != 4) {
            log.warn("Ignored a shared circuit message with {} fields", parts.length);
            return;
        }
        if (parts[3].equals(originId)) {
            return;
        }
        CircuitBreaker.State state;
        Instant until;
        try {
            state = CircuitBreaker.State.valueOf(parts[1]);
            until = parts[2].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a malformed shared circuit message for circuit {}", parts[0]);
            return;
        }
        breakers.find(parts[0]).ifPresent(circuit -> circuit.applyShared(state, until));
    }
}
