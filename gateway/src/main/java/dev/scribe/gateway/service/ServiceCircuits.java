package dev.scribe.gateway.service;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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
}
