package dev.scribe.gateway.service;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * Read-only view of the service circuits (breakers named after the service, CB-1) for the write
 * queue: a queueable write is queued while its service circuit is open, and the replayer
 * waits until it has closed.
 */
@Service
public class ServiceCircuits {

    private final CircuitBreakers breakers;

    public ServiceCircuits(CircuitBreakers breakers) {
        this.breakers = breakers;
    }

    /**
     * Checks whether the circuit of {@code service} short-circuits every call (OPEN or
     * FORCED_OPEN). A circuit that was never used does not exist yet and counts as closed.
     */
    public boolean isOpen(String service) {
        return breakers.find(service)
                .map(CircuitBreakers.Circuit::state)
                .map(
                        state ->
                                state == CircuitBreaker.State.OPEN
                                        || state == CircuitBreaker.State.FORCED_OPEN)
                .orElse(false);
    }

    /** Checks whether the circuit of {@code service} is CLOSED or was never used. */
    public boolean isClosed(String service) {
        return breakers.find(service)
                .map(circuit -> circuit.state() == CircuitBreaker.State.CLOSED)
                .orElse(true);
    }

    /**
     * Takes a permit of the circuit of {@code service} for one replay batch. A circuit that was
     * never used admits it. An open circuit whose open time has passed admits it as a half-open
     * trial, so that the replayer, often the only caller of a write-only service path, can close
     * the circuit again. Every true must be followed by {@link #recordReplay}.
     */
    public boolean tryAcquireForReplay(String service) {
        return breakers.find(service).map(CircuitBreakers.Circuit::tryAcquire).orElse(true);
    }

    /** Records the outcome of a replay batch admitted by {@link #tryAcquireForReplay}. */
    public void recordReplay(String service, boolean reachedService, Duration duration) {
        breakers.find(service)
                .ifPresent(
                        circuit -> {
                            if (reachedService) {
                                circuit.onSuccess(duration);
                            } else {
                                circuit.onFailure(
                                        duration,
                                        new IOException("no queued write reached the service"),
                                        null);
                            }
                        });
    }

    /** Returns the permit of a replay batch that made no call. */
    public void releaseReplay(String service) {
        breakers.find(service).ifPresent(CircuitBreakers.Circuit::onIgnored);
    }
}
