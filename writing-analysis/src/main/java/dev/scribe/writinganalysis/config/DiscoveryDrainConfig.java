package dev.scribe.writinganalysis.config;

import com.netflix.appinfo.ApplicationInfoManager;
import com.netflix.discovery.DiscoveryClient;
import com.netflix.discovery.EurekaClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link DiscoveryDrain}; it does nothing when Eureka is switched off. */
@Configuration(proxyBeanMethods = false)
class DiscoveryDrainConfig {

    @Bean
    DiscoveryDrain discoveryDrain(
            ObjectProvider<ApplicationInfoManager> instanceInfo,
            ObjectProvider<EurekaClient> eurekaClient,
            ApplicationEventPublisher events,
            ShutdownProperties properties) {
        return new DiscoveryDrain(
                instanceInfo, () -> everRegistered(eurekaClient), events, properties.drainDelay());
    }

    /** Tells whether a heartbeat ever reached the registry; assumed when the client cannot tell. */
    private static boolean everRegistered(ObjectProvider<EurekaClient> eurekaClient) {
        EurekaClient eureka = eurekaClient.getIfAvailable();
        if (eureka == null) {
            return false;
        }
        return !(eureka instanceof DiscoveryClient client)
                || client.getLastSuccessfulHeartbeatTimePeriod() >= 0;
    }
}
