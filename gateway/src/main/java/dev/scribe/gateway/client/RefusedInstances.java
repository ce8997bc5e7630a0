package dev.scribe.gateway.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Instances whose connection failed recently, which every load-balancing choice of this gateway
 * leaves out for a short time. A killed instance stays registered until its lease expires (up to 15
 * s, plus the 5 s registry fetch and the 5 s instance cache), and without this every request would
 * keep trying it in turn until then. One failed connection is enough, because a connection that
 * cannot be opened shows that the process or its port is gone.
 *
 * <p>The load balancer falls back to the full list when every instance is left out, so a platform
 * whose instances all failed at once still tries them.
 */
@Component
public class RefusedInstances {

    /** Long enough for the registry to drop a dead instance; short enough for a quick restart. */
    static final Duration QUARANTINE = Duration.ofSeconds(15);

    private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    public RefusedInstances(Clock clock) {
        this.clock = clock;
    }

    /** Records that a connection to {@code address} ({@code host:port}) could not be opened. */
    public void refused(String address) {
        refusedUntil.put(address, clock.instant().plus(QUARANTINE));
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
