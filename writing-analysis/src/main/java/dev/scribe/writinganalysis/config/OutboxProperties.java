package dev.scribe.writinganalysis.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * In-process relay of the transactional outbox.
 *
 * @param relayIntervalMs pause between two relay runs in milliseconds, 50 to 60000; default 500
 * @param batchSize maximum rows handed to listeners per relay run, 1 to 10000; default 100
 */
@Validated
@ConfigurationProperties(prefix = "platform.outbox")
public record OutboxProperties(
        @DefaultValue("500") @Min(50) @Max(60_000) long relayIntervalMs,
        @DefaultValue("100") @Min(1) @Max(10_000) int batchSize) {}
