package dev.scribe.gateway.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway under {@code platform.gateway}.
 *
 * @param routes the route table: one entry per path prefix
 * @param knownServices service ids that routes may name. A route that names another id stops the
 *     start (default {@code writing-analysis})
 * @param bodyLimitBytes largest accepted request body in bytes (default 5 MiB = 5242880)
 * @param connectTimeoutMs time allowed to open a connection to an upstream instance in milliseconds
 *     (default 2000)
 * @param retryAfterSeconds value of {@code Retry-After} on the gateway's 503 responses in seconds,
 *     1 to 300 (default 5)
 * @param maxInspectedErrorBodyBytes largest upstream 5xx body that the gateway reads to decide
 *     whether it is a platform error body. A larger body counts as not conforming (default 65536)
 * @param connectRetries how often a request is retried on another instance when the connection to
 *     the chosen instance fails before the request was sent, 0 to 5 (default 2)
 */
@ConfigurationProperties("platform.gateway")
public record GatewayProperties(
        @DefaultValue List<RouteProperties> routes,
        @DefaultValue("writing-analysis") List<String> knownServices,
        @DefaultValue("5242880") long bodyLimitBytes,
        @DefaultValue("2000") int connectTimeoutMs,
        @DefaultValue("5") int retryAfterSeconds,
        @DefaultValue("65536") int maxInspectedErrorBodyBytes,
        @DefaultValue("2") int connectRetries) {

    public GatewayProperties {
        if (bodyLimitBytes < 1) {
            throw new IllegalArgumentException(
                    "platform.gateway.body-limit-bytes must be at least 1, got " + bodyLimitBytes);
        }
        if (connectTimeoutMs < 1) {
            throw new IllegalArgumentException(
                    "platform.gateway.connect-timeout-ms must be at least 1, got "
                            + connectTimeoutMs);
        }
        if (retryAfterSeconds < 1 || retryAfterSeconds > 300) {
            throw new IllegalArgumentException(
                    "platform.gateway.retry-after-seconds must be between 1 and 300, got "
                            + retryAfterSeconds);
        }
        if (maxInspectedErrorBodyBytes < 1024) {
            throw new IllegalArgumentException(
                    "platform.gateway.max-inspected-error-body-bytes must be at least 1024, got "
                            + maxInspectedErrorBodyBytes);
        }
        if (connectRetries < 0 || connectRetries > 5) {
            throw new IllegalArgumentException(
                    "platform.gateway.connect-retries must be between 0 and 5, got "
                            + connectRetries);
        }
    }

    /**
     * Returns the services whose MCP endpoint the gateway exposes: those of enabled entries with
     * {@code mcp: true}.
     */
    public Set<String> mcpServices() {
        Set<String> services = new LinkedHashSet<>();
        for (RouteProperties route : routes) {
            if (route.enabled() && route.mcp()) {
                services.add(route.service());
            }
        }
        return services;
    }

    /**
     * One entry of the route table.
     *
     * @param id route id, used in logs and metrics
     * @param pathPrefix path prefix that the route owns, on whole segments, such as {@code
     *     /api/writing-analysis}. The route owns the prefix itself and every path below it
     * @param service id of the owning service, resolved through discovery ({@code lb://<service>})
     * @param auth {@code public}, {@code user} or {@code role:<ROLE>[,<ROLE>...]} (default {@code
     *     user})
     * @param timeoutMs time the upstream has to send its response headers in milliseconds (default
     *     10000), after which the gateway returns 504
     * @param enabled whether the route is active. Paths of a disabled route get 404 (default true)
     * @param mcp whether the gateway also exposes the service's MCP endpoint at {@code
     *     /mcp/<service>}, with this entry's auth and timeout. At most one entry per service may
     *     set it (default false)
     * @param tiered whether the tier router answers the route's tiered operations (GW-2, AR-1)
     * @param retry {@code none} or {@code idempotent}: whether the router repeats a failed remote
     *     call that is safe to repeat (GW-2, default none)
     * @param circuit the route's service circuit (default: the service name, GW-2)
     * @param queueable writes of this route that the gateway queues while the service is
     *     unavailable, each {@code METHOD /path/pattern} with {@code *} for one path segment, such
     *     as {@code POST /api/documents/*}{@code /content} (default none)
     */
    public record RouteProperties(
            String id,
            String pathPrefix,
            String service,
            @DefaultValue("user") String auth,
            @DefaultValue("10000") long timeoutMs,
            @DefaultValue("true") boolean enabled,
            @DefaultValue("false") boolean mcp,
            @DefaultValue("false") boolean tiered,
            @DefaultValue("none") String retry,
            String circuit,
            @DefaultValue List<String> queueable) {

        /** Route metadata key of {@link #tiered}. */
        public static final String TIERED_METADATA = "platform-tiered";

        /** Route metadata key of {@link #retry}. */
        public static final String RETRY_METADATA = "platform-retry";

        /** Route metadata key of the effective circuit name. */
        public static final String CIRCUIT_METADATA = "platform-circuit";

        /** The circuit name, defaulting to the service name. */
        public String effectiveCircuit() {
            return circuit == null || circuit.isBlank() ? service : circuit;
        }
    }
}
