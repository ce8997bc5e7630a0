package dev.scribe.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.gateway.config.McpProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpSessionRegistryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

    @Test
    void storedSessionReturnsItsInstance() {
        McpSessionRegistry registry = registry(100, Duration.ofMinutes(30));

        registry.remember("writing-analysis", "session-1", "127.0.0.1:9001");

        assertThat(registry.instanceOf("writing-analysis", "session-1")).contains("127.0.0.1:9001");
        assertThat(registry.instanceOf("writing-analysis", "session-2")).isEmpty();
    }

    @Test
    void sessionIdsAreScopedToService() {
        McpSessionRegistry registry = registry(100, Duration.ofMinutes(30));

        registry.remember("writing-analysis", "session-1", "127.0.0.1:9001");

        assertThat(registry.instanceOf("other-service", "session-1")).isEmpty();
    }

    @Test
    void idleSessionExpires() {
        McpSessionRegistry registry = registry(100, Duration.ofMinutes(30));
        registry.remember("writing-analysis", "active", "127.0.0.1:9001");
        registry.remember("writing-analysis", "idle", "127.0.0.1:9002");

        clock.advance(Duration.ofMinutes(20));
        assertThat(registry.instanceOf("writing-analysis", "active")).isPresent();
        clock.advance(Duration.ofMinutes(20));

        // "active" was read 20 minutes ago, "idle" was stored 40 minutes ago.
        assertThat(registry.instanceOf("writing-analysis", "active")).isPresent();
        assertThat(registry.instanceOf("writing-analysis", "idle")).isEmpty();
    }

    @Test
    void forgottenSessionIsGone() {
        McpSessionRegistry registry = registry(100, Duration.ofMinutes(30));
        registry.remember("writing-analysis", "session-1", "127.0.0.1:9001");

        registry.forget("writing-analysis", "session-1");

        assertThat(registry.instanceOf("writing-analysis", "session-1")).isEmpty();
    }

    @Test
    void sizeStaysBounded() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        McpSessionRegistry registry =
                new McpSessionRegistry(properties(10, Duration.ofMinutes(30)), clock, meters);

        for (int index = 0; index < 1_000; index++) {
            registry.remember("writing-analysis", "session-" + index, "127.0.0.1:9001");
        }

        int stored = 0;
        for (int index = 0; index < 1_000; index++) {
            if (registry.instanceOf("writing-analysis", "session-" + index).isPresent()) {
                stored++;
            }
        }
        assertThat(stored).isLessThanOrEqualTo(10);
        assertThat(meters.get("gateway.mcp.sessions").gauge().value()).isLessThanOrEqualTo(10);
    }

    private McpSessionRegistry registry(int maxSessions, Duration idleTimeout) {
        return new McpSessionRegistry(
                properties(maxSessions, idleTimeout), clock, new SimpleMeterRegistry());
    }

    private static McpProperties properties(int maxSessions, Duration idleTimeout) {
        return new McpProperties(
                URI.create("http://127.0.0.1:8080"),
                URI.create("http://127.0.0.1:8090"),
                List.of(),
                maxSessions,
                idleTimeout);
    }
}
