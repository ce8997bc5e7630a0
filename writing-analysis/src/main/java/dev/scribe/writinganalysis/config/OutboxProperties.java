package dev.scribe.writinganalysis.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Relay of the transactional outbox.
 *
 * @param transport where the relay delivers events: {@code in-process} (the embedded profile, to
 *     the service's own listeners) or {@code rabbitmq} (the distributed profile); default {@code
 *     in-process}
 * @param relayIntervalMs pause between two relay runs in milliseconds, 50 to 60000; default 500
 * @param batchSize maximum rows read per relay run, 1 to 10000; default 100
 * @param retryInitialMs wait before the first retry of a failed delivery in milliseconds, doubled
 *     on each further failure, 10 to 600000; default 1000
 * @param retryMaxMs longest wait between two retries in milliseconds, 10 to 3600000; default 60000
 * @param leaseMs how long one relay keeps the right to publish without renewing it, in
 *     milliseconds, 1000 to 600000; default 10000. Must exceed the relay interval, because a relay
 *     renews the lease on each run
 * @param publishedRetentionDays days a published row is kept before it is deleted, 1 to 365;
 *     default 7
 * @param rabbitmq settings of the {@code rabbitmq} transport
 */
@Validated
@ConfigurationProperties(prefix = "platform.outbox")
public record OutboxProperties(
        @DefaultValue("in-process") @NotNull Transport transport,
        @DefaultValue("500") @Min(50) @Max(60_000) long relayIntervalMs,
        @DefaultValue("100") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("1000") @Min(10) @Max(600_000) long retryInitialMs,
        @DefaultValue("60000") @Min(10) @Max(3_600_000) long retryMaxMs,
        @DefaultValue("10000") @Min(1000) @Max(600_000) long leaseMs,
        @DefaultValue("7") @Min(1) @Max(365) int publishedRetentionDays,
        @DefaultValue @Valid Rabbitmq rabbitmq) {

    /** Delivery target of the relay. */
    public enum Transport {
        IN_PROCESS,
        RABBITMQ
    }

    /**
     * Publishing to RabbitMQ. The broker address and credentials are Spring Boot's {@code
     * spring.rabbitmq.*} settings.
     *
     * @param exchangePrefix text put before every exchange name ({@code domain.events}, {@code
     *     privacy.audit} ...), letters, digits, '.', '-' and '_' only; default empty. Tests use it
     *     to keep their exchanges apart on a shared broker
     * @param confirmTimeoutMs how long the relay waits for the broker's publisher confirm, in
     *     milliseconds, 100 to 60000; default 5000
     */
    public record Rabbitmq(
            @DefaultValue("") @Pattern(regexp = "[A-Za-z0-9._-]*") String exchangePrefix,
            @DefaultValue("5000") @Min(100) @Max(60_000) long confirmTimeoutMs) {}
}
