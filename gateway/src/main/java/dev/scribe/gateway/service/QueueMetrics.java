package dev.scribe.gateway.service;

import dev.scribe.gateway.domain.QueuedRequestRepository.DepthRow;
import dev.scribe.gateway.domain.QueuedRequestRepository.OldestRow;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Metrics of the write queue: {@code gateway_queue_depth{service,status}}, {@code
 * gateway_queue_oldest_age_seconds{service}} and {@code gateway_queue_replayed_total{service,
 * outcome}}. The gauges show the values of the replayer's last check (every check interval), so a
 * scrape never waits on the database.
 */
@Component
public class QueueMetrics {

    private final MeterRegistry registry;
    private final MultiGauge depth;
    private final MultiGauge oldestAge;

    public QueueMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.depth =
                MultiGauge.builder("gateway.queue.depth")
                        .description("Entries of the write queue by service and status")
                        .register(registry);
        this.oldestAge =
                MultiGauge.builder("gateway.queue.oldest.age")
                        .description("Age of the oldest pending or replaying entry per service")
                        .baseUnit("seconds")
                        .register(registry);
    }

    void update(List<DepthRow> depthRows, List<OldestRow> oldestRows, Instant now) {
        depth.register(
                depthRows.stream()
                        .map(
                                row ->
                                        MultiGauge.Row.of(
                                                Tags.of(
                                                        "service",
                                                        row.service(),
                                                        "status",
                                                        row.status().name()),
                                                row.count()))
                        .toList(),
                true);
        oldestAge.register(
                oldestRows.stream()
                        .map(
                                row ->
                                        MultiGauge.Row.of(
                                                Tags.of("service", row.service()),
                                                Math.max(
                                                        0,
                                                        Duration.between(row.acceptedAt(), now)
                                                                        .toMillis()
                                                                / 1000.0)))
                        .toList(),
                true);
    }

    void countReplay(String service, String outcome) {
        registry.counter("gateway.queue.replayed", "service", service, "outcome", outcome)
                .increment();
    }
}
