package dev.scribe.gateway.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scribe.gateway.config.McpProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Stores which upstream instance issued each MCP session, so that later requests of the session go
 * to that instance (session affinity).
 *
 * <p>The map lives in this gateway process only. A gateway restart, or a second gateway replica,
 * does not know the sessions, and forwards their requests to any instance: the instance that did
 * not issue the session answers 404 and the MCP client starts a new session. A session is dropped
 * after {@code platform.gateway.mcp.session-idle-timeout} without requests, and the least recently
 * used one is dropped when more than {@code max-sessions} are stored.
 *
 * <p>Session ids are bearer values for the session, so they are never logged.
 */
@Service
public class McpSessionRegistry {

    /** Key of a session: MCP session ids are unique per server, not across services. */
    private record SessionKey(String service, String sessionId) {}

    private final Cache<SessionKey, String> instances;

    public McpSessionRegistry(McpProperties properties, Clock clock, MeterRegistry meterRegistry) {
        this.instances =
                Caffeine.newBuilder()
                        .maximumSize(properties.maxSessions())
                        .expireAfterAccess(properties.sessionIdleTimeout())
                        // Reads the injected clock so that tests can move time forward.
                        .ticker(() -> clock.millis() * 1_000_000L)
                        // Evicts on the calling thread instead of the common fork-join pool, so
                        // that the size bound holds as soon as put returns. The work is small.
                        .executor(Runnable::run)
                        .build();
        Gauge.builder("gateway.mcp.sessions", instances, Cache::estimatedSize)
                .description("MCP sessions whose issuing instance the gateway stores")
                .register(meterRegistry);
    }

    /** Stores the instance ({@code host:port}) that issued a session. */
    public void remember(String service, String sessionId, String instance) {
        instances.put(new SessionKey(service, sessionId), instance);
    }

    /** Returns the instance that issued a session, if this gateway stored it and it is not idle. */
    public Optional<String> instanceOf(String service, String sessionId) {
        return Optional.ofNullable(instances.getIfPresent(new SessionKey(service, sessionId)));
    }

    /** Drops a session, after it was deleted or its instance is gone. */
    public void forget(String service, String sessionId) {
        instances.invalidate(new SessionKey(service, sessionId));
    }
}
