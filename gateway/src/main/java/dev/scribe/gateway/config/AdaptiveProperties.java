package dev.scribe.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tier router (platform section 6) under {@code platform.adaptive}.
 *
 * @param windowSeconds age of the calls kept per (operation, tier) (AR-3)
 * @param windowCap newest calls kept per window (AR-3)
 * @param minSamples samples from which success rate and latency decide eligibility (AR-4)
 * @param minSuccessRate lowest success rate of an eligible tier (AR-4)
 * @param maxP95LatencyMs highest p95 latency of an eligible tier (AR-4)
 * @param maxFallbackAttempts further tiers tried after the chosen one failed (AR-6)
 * @param probeIntervalSeconds interval of the synthetic probes of demoted tiers (AR-7)
 * @param healthSampleSeconds interval of the cached eligibility refresh (AR-8)
 * @param probeTrafficShare share of read-only live traffic sent to a demoted remote tier (AR-7)
 * @param unknownRetryAfterSeconds Retry-After of a 503 when no circuit names a time (AR-12)
 * @param maxRetries further attempts of an idempotent remote call (GW-2 {@code retry})
 * @param retryBaseDelayMs base of the jittered exponential backoff between attempts
 * @param pseudonymKey key of the actor pseudonyms in admin audit entries; set per environment
 */
@ConfigurationProperties("platform.adaptive")
public record AdaptiveProperties(
        @DefaultValue("300") int windowSeconds,
        @DefaultValue("100") int windowCap,
        @DefaultValue("10") int minSamples,
        @DefaultValue("0.8") double minSuccessRate,
        @DefaultValue("5000") long maxP95LatencyMs,
        @DefaultValue("2") int maxFallbackAttempts,
        @DefaultValue("30") int probeIntervalSeconds,
        @DefaultValue("10") int healthSampleSeconds,
        @DefaultValue("0.01") double probeTrafficShare,
        @DefaultValue("30") int unknownRetryAfterSeconds,
        @DefaultValue("2") int maxRetries,
        @DefaultValue("100") long retryBaseDelayMs,
        @DefaultValue("dev-only-admin-audit-pseudonym-key") String pseudonymKey) {

    public AdaptiveProperties {
        require(windowSeconds >= 1, "window-seconds must be at least 1", windowSeconds);
        require(windowCap >= 1, "window-cap must be at least 1", windowCap);
        require(minSamples >= 1, "min-samples must be at least 1", minSamples);
        require(
                minSuccessRate >= 0 && minSuccessRate <= 1,
                "min-success-rate must be between 0 and 1",
                minSuccessRate);
        require(maxP95LatencyMs >= 1, "max-p95-latency-ms must be at least 1", maxP95LatencyMs);
        require(
                maxFallbackAttempts >= 0 && maxFallbackAttempts <= 2,
                "max-fallback-attempts must be between 0 and 2 (AR-6)",
                maxFallbackAttempts);
        require(
                probeIntervalSeconds >= 1,
                "probe-interval-seconds must be at least 1",
                probeIntervalSeconds);
        require(
                healthSampleSeconds >= 1,
                "health-sample-seconds must be at least 1",
                healthSampleSeconds);
        require(
                probeTrafficShare >= 0 && probeTrafficShare <= 1,
                "probe-traffic-share must be between 0 and 1",
                probeTrafficShare);
        require(
                unknownRetryAfterSeconds >= 1 && unknownRetryAfterSeconds <= 300,
                "unknown-retry-after-seconds must be between 1 and 300",
                unknownRetryAfterSeconds);
        require(maxRetries >= 0 && maxRetries <= 5, "max-retries must be 0 to 5", maxRetries);
        require(retryBaseDelayMs >= 1, "retry-base-delay-ms must be at least 1", retryBaseDelayMs);
        require(
                pseudonymKey != null && pseudonymKey.length() >= 16,
                "pseudonym-key must have at least 16 characters",
                pseudonymKey == null ? "absent" : "length " + pseudonymKey.length());
    }

    private static void require(boolean ok, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("platform.adaptive." + rule + ", got " + value);
        }
    }
}
