package dev.scribe.writinganalysis.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The platform readiness body.
 *
 * @param status {@code UP}, {@code DEGRADED} or {@code DOWN}
 * @param service service id
 * @param version build version
 * @param instanceId instance id, {@code <service>:<port>}
 * @param timestamp time of the checks, ISO-8601 UTC with milliseconds
 * @param uptimeSeconds seconds since the process started
 * @param checks result per check, by name
 */
public record ReadinessReport(
        String status,
        String service,
        String version,
        String instanceId,
        String timestamp,
        long uptimeSeconds,
        Map<String, Check> checks) {

    public static final String UP = "UP";
    public static final String DEGRADED = "DEGRADED";
    public static final String DOWN = "DOWN";

    /**
     * The result of one check.
     *
     * @param status {@code UP}, {@code DEGRADED} (slower than its limit) or {@code DOWN}
     * @param latencyMs duration of the check in milliseconds
     * @param detail extra fact, for example the number of pending outbox events, or null
     */
    public record Check(
            String status,
            long latencyMs,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String detail) {}
}
