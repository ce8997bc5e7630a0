package dev.scribe.gateway.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Instances whose connection failed recently, which every load-balancing choice of this gateway
 * leaves out until the registry stops listing them, at most {@link #QUARANTINE}. A killed instance
 * stays registered until its lease expires and the registry evicts it, and the gateway notices only
 * after its next registry fetch and instance cache refresh; without this every request would keep
 * trying it in turn until then. One failed connection is enough, because a connection that cannot
 * be opened shows that the process or its port is gone. Once the registry no longer lists the
 * instance, or lists a new registration at its address, {@link UntriedInstanceListSupplier} calls
 * {@link #forget}, so that a restarted instance is used as soon as it registers again.
 *
 * <p>The load balancer falls back to the full list when every instance is left out, so a platform
 * whose instances all failed at once still tries them.
 */
@Component
public class RefusedInstances {

    /**
     * Maximum quarantine, long enough for every gateway to see the registry drop a dead instance.
     * Eureka expires a lease only after twice its 15 s duration, and the eviction run (5 s), the
     * fetch (5 s) and the instance cache (5 s) follow.
     */
    static final Duration QUARANTINE = Duration.ofSeconds(60);

    private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    public RefusedInstances(Clock clock) {
        this.clock = clock;
    }

    /** Records that a connection to {@code address} ({@code host:port}) could not be opened. */
    public void refused(String address) {
        refusedUntil.put(address, clock.instant().plus(QUARANTINE));
    }

    /** Ends the quarantine of {@code address}, because the registry no longer lists it. */
    public void forget(String address) {
        refusedUntil.remove(address);
    }

    /** Checks whether {@code address} failed to connect within the quarantine time. */
    public boolean isRefused(String address) {
        Instant until = refusedUntil.get(address);
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            refusedUntil.remove(address, until);
            return false;
        }
        return true;
    }
}
