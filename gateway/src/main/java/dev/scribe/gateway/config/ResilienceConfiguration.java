package dev.scribe.gateway.config;

import dev.scribe.gateway.api.TieredRouteFilter;
import dev.scribe.gateway.client.RefusedInstances;
import dev.scribe.gateway.client.RemoteOperationClient;
import dev.scribe.gateway.client.ServiceCircuitFilter;
import dev.scribe.gateway.service.AdminAudit;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.FeatureFlags;
import dev.scribe.gateway.service.GatewayHeuristicTier;
import dev.scribe.gateway.service.LocalTier;
import dev.scribe.gateway.service.QueueableRoutes;
import dev.scribe.gateway.service.RemoteTier;
import dev.scribe.gateway.service.SharedCircuitState;
import dev.scribe.gateway.service.TierBackgroundTasks;
import dev.scribe.gateway.service.TierRouter;
import dev.scribe.gateway.service.TierStatistics;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.writinganalysis.core.heuristic.HeuristicConfig;
import dev.scribe.writinganalysis.core.heuristic.HeuristicTier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Breakers (platform section 5), the tier router (section 6) and the flag store (AR-9). */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {

    /** Uniform randomness for backoff jitter and the live probe share; not security relevant. */
    private static final DoubleSupplier RANDOM = () -> ThreadLocalRandom.current().nextDouble();

    @Bean
    CircuitBreakers circuitBreakers(
            ResilienceProperties properties, Clock clock, MeterRegistry meters) {
        return new CircuitBreakers(properties, clock, meters);
    }

    @Bean
    TierStatistics tierStatistics(AdaptiveProperties properties, Clock clock) {
        return new TierStatistics(
                clock, Duration.ofSeconds(properties.windowSeconds()), properties.windowCap());
    }

    @Bean
    FeatureFlags featureFlags() {
        return new FeatureFlags();
    }

    @Bean
    TierRouter tierRouter(
            FeatureFlags flags,
            CircuitBreakers breakers,
            TierStatistics statistics,
            AdaptiveProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new TierRouter(flags, breakers, statistics, properties, clock, RANDOM, meters);
    }

    @Bean
    RemoteOperationClient remoteOperationClient(
            ObservationRegistry observations,
            LoadBalancedExchangeFilterFunction loadBalancer,
            GatewayProperties gateway) {
        // The observation registry makes the client span and W3C trace headers of GW-9.
        WebClient.Builder builder = WebClient.builder().observationRegistry(observations);
        return new RemoteOperationClient(builder, loadBalancer, gateway.connectTimeoutMs());
    }

    @Bean
    RemoteTier remoteTier(
            RemoteOperationClient client,
            CircuitBreakers breakers,
            TierStatistics statistics,
            AdaptiveProperties properties,
            JsonMapper jsonMapper,
            Clock clock,
            RefusedInstances refused) {
        return new RemoteTier(
                client, breakers, statistics, properties, jsonMapper, clock, RANDOM, refused);
    }

    @Bean
    GatewayHeuristicTier gatewayHeuristicTier(Clock clock) {
        return new GatewayHeuristicTier(new HeuristicTier(HeuristicConfig.defaults(), clock));
    }

    @Bean
    TieredRouteFilter tieredRouteFilter(
            TierRouter router,
            RemoteTier remote,
            LocalTier local,
            GatewayHeuristicTier heuristic,
            TierStatistics statistics,
            CircuitBreakers breakers,
            FeatureFlags flags,
            JsonMapper jsonMapper,
            MeterRegistry meters,
            Clock clock) {
        return new TieredRouteFilter(
                router,
                remote,
                local,
                heuristic,
                statistics,
                breakers,
                flags,
                jsonMapper,
                meters,
                clock);
    }

    @Bean
    @ConditionalOnBooleanProperty("platform.resilience.shared-state.enabled")
    SharedCircuitState sharedCircuitState(
            CircuitBreakers breakers, SharedCircuitStateProperties properties) {
        return new SharedCircuitState(breakers, properties);
    }

    @Bean
    ServiceCircuitFilter serviceCircuitFilter(
            CircuitBreakers breakers, QueueableRoutes queueableRoutes, Clock clock) {
        return new ServiceCircuitFilter(breakers, queueableRoutes, clock);
    }

    @Bean
    AdminAudit adminAudit(AdaptiveProperties properties) {
        return new AdminAudit(properties.pseudonymKey());
    }

    @Bean
    TierBackgroundTasks tierBackgroundTasks(
            TierRouter router,
            RemoteTier remote,
            TierStatistics statistics,
            @Qualifier("userAssertionIssuer") TokenIssuer assertionIssuer,
            AdaptiveProperties properties) {
        return new TierBackgroundTasks(
                router,
                remote,
                statistics,
                assertionIssuer,
                Duration.ofSeconds(properties.healthSampleSeconds()),
                Duration.ofSeconds(properties.probeIntervalSeconds()),
                Duration.ofSeconds(5));
    }
}
