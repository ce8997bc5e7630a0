package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.domain.StorageProbes;
import dev.scribe.writinganalysis.service.ReadinessReport.Check;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Computes the readiness body: one check per store the tools need ({@code database}, {@code
 * consentStore}, {@code directory}, {@code auditTrail}, {@code outbox}). A check slower than 1000
 * ms is {@code DEGRADED}; a failed one is {@code DOWN}. Results are reused for up to 5 s so that
 * frequent probes stay cheap.
 */
@Service
public class ReadinessService {

    private static final Logger log = LoggerFactory.getLogger(ReadinessService.class);

    /** Latency above which a database check reports {@code DEGRADED}. */
    static final Duration DEGRADED_AFTER = Duration.ofMillis(1000);

    /** Age up to which a computed report is reused. */
    static final Duration REUSE_FOR = Duration.ofSeconds(5);

    private final StorageProbes probes;
    private final ApplicationAvailability availability;
    private final Environment environment;
    private final Clock clock;
    private final String version;

    private volatile @Nullable Cached cached;

    public ReadinessService(
            StorageProbes probes,
            ApplicationAvailability availability,
            Environment environment,
            Clock clock,
            ObjectProvider<BuildProperties> buildProperties) {
        this.probes = probes;
        this.availability = availability;
        this.environment = environment;
        this.clock = clock;
        BuildProperties build = buildProperties.getIfAvailable();
        this.version = build == null ? "unknown" : build.getVersion();
    }

    /** Returns the current report, computed afresh when the last one is older than 5 s. */
    public ReadinessReport report() {
        Instant now = clock.instant();
        Cached last = cached;
        if (last != null && Duration.between(last.computedAt(), now).compareTo(REUSE_FOR) < 0) {
            return last.report();
        }

        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put(
                "database",
                timed(
                        "database",
                        () -> {
                            probes.database();
                            return null;
                        }));
        checks.put(
                "consentStore",
                timed(
                        "consentStore",
                        () -> {
                            probes.consentStore();
                            return null;
                        }));
        checks.put(
                "directory",
                timed(
                        "directory",
                        () -> {
                            probes.directory();
                            return null;
                        }));
        checks.put(
                "auditTrail",
                timed(
                        "auditTrail",
                        () -> {
                            probes.auditTrail();
                            return null;
                        }));
        checks.put("outbox", timed("outbox", () -> probes.pendingOutboxEvents() + " pending"));

        String status = overall(checks);
        String name = environment.getProperty("spring.application.name", "writing-analysis");
        String port =
                environment.getProperty(
                        "local.server.port", environment.getProperty("server.port", "8092"));
        long uptimeSeconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        ReadinessReport report =
                new ReadinessReport(
                        status,
                        name,
                        version,
                        name + ":" + port,
                        Json.timestamp(now),
                        uptimeSeconds,
                        checks);
        cached = new Cached(now, report);
        return report;
    }

    private String overall(Map<String, Check> checks) {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return ReadinessReport.DOWN;
        }
        boolean degraded = false;
        for (Check check : checks.values()) {
            if (check.status().equals(ReadinessReport.DOWN)) {
                return ReadinessReport.DOWN;
            }
            degraded |= check.status().equals(ReadinessReport.DEGRADED);
        }
        return degraded ? ReadinessReport.DEGRADED : ReadinessReport.UP;
    }

    private Check timed(String name, Supplier<@Nullable String> probe) {
        long start = System.nanoTime();
        try {
            String detail = probe.get();
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            String status =
                    latency.compareTo(DEGRADED_AFTER) > 0
                            ? ReadinessReport.DEGRADED
                            : ReadinessReport.UP;
            return new Check(status, latency.toMillis(), detail);
        } catch (RuntimeException e) {
            log.warn("Readiness check {} failed", name, e);
            return new Check(
                    ReadinessReport.DOWN,
                    Duration.ofNanos(System.nanoTime() - start).toMillis(),
                    "failed: " + e.getClass().getSimpleName());
        }
    }

    private record Cached(Instant computedAt, ReadinessReport report) {}
}
