package dev.scribe.registry.service;

import com.netflix.appinfo.InstanceInfo;
import com.netflix.discovery.shared.Application;
import com.netflix.eureka.registry.PeerAwareInstanceRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.netflix.eureka.server.event.EurekaInstanceCanceledEvent;
import org.springframework.cloud.netflix.eureka.server.event.EurekaInstanceRegisteredEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Publishes {@code registry_instances{service,status}}: the number of registered instances per
 * service and status. It also logs registrations and cancellations at INFO, with the service and
 * instance id only.
 *
 * <p>The gauge is rebuilt every 5 seconds, because Eureka evicts expired leases without publishing
 * an event. Its {@code service} label names the registered service and replaces the common {@code
 * service=registry} tag on this metric only.
 */
@Service
public class RegistryInstanceMetrics {

    private static final Logger log = LoggerFactory.getLogger(RegistryInstanceMetrics.class);

    private final PeerAwareInstanceRegistry registry;
    private final MultiGauge instances;

    public RegistryInstanceMetrics(PeerAwareInstanceRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.instances =
                MultiGauge.builder("registry.instances")
                        .description("Registered instances per service and status")
                        .register(meters);
    }

    @EventListener
    public void onRegistered(EurekaInstanceRegisteredEvent event) {
        InstanceInfo instance = event.getInstanceInfo();
        log.atInfo()
                .addKeyValue("service", serviceId(instance.getAppName()))
                .addKeyValue("instanceId", instance.getInstanceId())
                .addKeyValue("status", instance.getStatus())
                .log("Instance registered");
        refresh();
    }

    @EventListener
    public void onCanceled(EurekaInstanceCanceledEvent event) {
        log.atInfo()
                .addKeyValue("service", serviceId(event.getAppName()))
                .addKeyValue("instanceId", event.getServerId())
                .log("Instance deregistered");
        refresh();
    }

    /** Rebuilds the gauge rows from the registry's current content. */
    @Scheduled(fixedDelayString = "PT5S")
    public void refresh() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Application application : registry.getSortedApplications()) {
            for (InstanceInfo instance : application.getInstances()) {
                String key = serviceId(application.getName()) + "\n" + instance.getStatus();
                counts.merge(key, 1, Integer::sum);
            }
        }

        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach(
                (key, count) -> {
                    String[] parts = key.split("\n", 2);
                    rows.add(
                            MultiGauge.Row.of(
                                    Tags.of("service", parts[0], "status", parts[1]), count));
                });
        instances.register(rows, true);
    }

    /**
     * Eureka stores application names in upper case, while the platform's service ids are lower
     * case.
     */
    private static String serviceId(String appName) {
        return appName == null ? "unknown" : appName.toLowerCase(Locale.ROOT);
    }
}
