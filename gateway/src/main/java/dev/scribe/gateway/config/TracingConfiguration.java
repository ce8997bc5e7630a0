package dev.scribe.gateway.config;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sampling at the edge. The gateway starts every trace's sampling decision itself: a client's
 * {@code traceparent} is kept as the parent reference, but its sampled flag is ignored, so that
 * clients cannot force or suppress tracing.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    /**
     * Replaces Spring Boot's parent-based sampler with a ratio of trace ids, which does not look at
     * the parent's flag.
     */
    @Bean
    Sampler edgeSampler(@Value("${management.tracing.sampling.probability:0.1}") double ratio) {
        return Sampler.traceIdRatioBased(ratio);
    }
}
