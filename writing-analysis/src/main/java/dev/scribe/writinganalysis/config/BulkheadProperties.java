package dev.scribe.writinganalysis.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-instance bulkhead in front of the API routes.
 *
 * @param maxConcurrent API requests processed at once, 1 to 1000; default 64
 * @param maxWaiting API requests that may wait for a free slot, 0 to 10000; default 128
 * @param maxWaitMs longest wait for a free slot in milliseconds, 0 to 60000; default 1000
 */
@Validated
@ConfigurationProperties(prefix = "platform.bulkhead")
public record BulkheadProperties(
        @DefaultValue("64") @Min(1) @Max(1000) int maxConcurrent,
        @DefaultValue("128") @Min(0) @Max(10_000) int maxWaiting,
        @DefaultValue("1000") @Min(0) @Max(60_000) long maxWaitMs) {}
