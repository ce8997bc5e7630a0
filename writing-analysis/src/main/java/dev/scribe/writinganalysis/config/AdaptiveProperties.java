package dev.scribe.writinganalysis.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform flags of the gateway's tier router, which the legacy health route reports.
 *
 * @param failFast whether the router skips the local tier; default false
 * @param allowFallback whether the heuristic tier may serve requests; default true
 */
@ConfigurationProperties(prefix = "platform.adaptive")
public record AdaptiveProperties(
        @DefaultValue("false") boolean failFast, @DefaultValue("true") boolean allowFallback) {}
