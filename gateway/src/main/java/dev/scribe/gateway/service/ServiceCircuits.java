package dev.scribe.gateway.service;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Read-only view of the service circuits (breakers named after the service) for the write queue.
 * The gateway has no breakers of its own yet: when no {@link CircuitBreakerRegistry} bean exists,
 * every circuit counts as closed.
 */
@Service
public class ServiceCircuits {

    private final ObjectProvider<CircuitBreakerRegistry> registries;

    public ServiceCircuits(ObjectProvider<CircuitBreakerRegistry> registries) {
        this.registries = registries;
    }

    /**
     * Checks whether the circuit of {@code service} short-circuits every call (OPEN or
     * FORCED_OPEN). A circuit that was never used does not exist yet and counts as closed.
     */
    public boolean isOpen(String service) {
        return breaker(service)
                .map(CircuitBreaker::getState)
                .map(
                        state ->
                                state == CircuitBreaker.State.OPEN
                                        || state == CircuitBreaker.State.FORCED_OPEN)
                .orElse(false);
    }

    /** Checks whether the circuit of {@code service} exists and is CLOSED. */
    public boolean isClosed(String service) {
        return breaker(service)
                .map(breaker -> breaker.getState() == CircuitBreaker.State.CLOSED)
                .orElse(true);
    }

    private Optional<CircuitBreaker> breaker(String service) {
        CircuitBreakerRegistry registry = registries.getIfAvailable();
        return registry == null ? Optional.empty() : registry.find(service);
    }
}
