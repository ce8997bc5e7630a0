package dev.scribe.gateway.config;

import dev.scribe.gateway.client.McpSessionInstanceListSupplier;
import dev.scribe.gateway.client.RefusedInstances;
import dev.scribe.gateway.client.UntriedInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Beans of each service's own load-balancer context. The class is deliberately neither a
 * {@code @Configuration} nor nested in one, because the main context would then load it too, where
 * no service id is set.
 */
class PerServiceLoadBalancerConfiguration {

    /**
     * Replaces the default instance list (discovery client plus cache) with the same list minus the
     * instances that failed during the request, narrowed to the issuing instance for requests of a
     * known MCP session.
     */
    @Bean
    ServiceInstanceListSupplier untriedInstanceListSupplier(
            ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withCaching()
                .with(
                        (ignored, delegate) ->
                                new UntriedInstanceListSupplier(
                                        delegate, context.getBean(RefusedInstances.class)))
                .with((ignored, delegate) -> new McpSessionInstanceListSupplier(delegate))
                .build(context);
    }
}
