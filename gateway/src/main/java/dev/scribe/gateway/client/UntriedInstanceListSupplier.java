package dev.scribe.gateway.client;

import dev.scribe.gateway.domain.ExchangeAttributes;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.netflix.eureka.EurekaServiceInstance;
import reactor.core.publisher.Flux;

/**
 * Leaves out the instances to which the connection already failed during the current request, so
 * that a retry goes to another instance. When every instance has failed, the list is empty and the
 * load balancer reports that no instance is available.
 *
 * <p>It also leaves out the instances that refused a connection of any request shortly before
 * ({@link RefusedInstances}), unless that would leave no instance at all, and ends their quarantine
 * once the registry stops listing them or lists a new registration at the same address (a restarted
 * instance).
 */
public class UntriedInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

    private final RefusedInstances refused;

    /**
     * The registration of each address this service's list held before, to notice the addresses the
     * registry dropped or registered anew.
     */
    private final Map<String, Object> listed = new ConcurrentHashMap<>();

    public UntriedInstanceListSupplier(
            ServiceInstanceListSupplier delegate, RefusedInstances refused) {
        super(delegate);
        this.refused = refused;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return getDelegate().get().doOnNext(this::forgetDropped).map(this::withoutRecentlyRefused);
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        Collection<?> failed = failedInstances(request);
        return getDelegate()
                .get(request)
                .doOnNext(this::forgetDropped)
                .map(
                        instances ->
                                instances.stream()
                                        .filter(instance -> !failed.contains(address(instance)))
                                        .toList())
                .map(this::withoutRecentlyRefused);
    }

    private List<ServiceInstance> withoutRecentlyRefused(List<ServiceInstance> instances) {
        List<ServiceInstance> reachable =
                instances.stream()
                        .filter(instance -> !refused.isRefused(address(instance)))
                        .toList();
        return reachable.isEmpty() ? instances : reachable;
    }

    /** Ends the quarantine of instances the registry no longer lists or registered anew. */
    private void forgetDropped(List<ServiceInstance> instances) {
        Map<String, Object> current = new HashMap<>();
        for (ServiceInstance instance : instances) {
            current.put(address(instance), registration(instance));
        }
        for (Map.Entry<String, Object> before : listed.entrySet()) {
            Object now = current.get(before.getKey());
            if (now == null || !now.equals(before.getValue())) {
                refused.forget(before.getKey());
                listed.remove(before.getKey());
            }
        }
        listed.putAll(current);
    }

    /**
     * Returns what identifies one registration of an instance: Eureka's registration time, which a
     * restarted instance renews, or else the instance id.
     */
    private static Object registration(ServiceInstance instance) {
        if (instance instanceof EurekaServiceInstance eureka
                && eureka.getInstanceInfo().getLeaseInfo() != null) {
            return eureka.getInstanceInfo().getLeaseInfo().getRegistrationTimestamp();
        }
        return String.valueOf(instance.getInstanceId());
    }

    /** Returns the key under which a failed instance is recorded: {@code host:port}. */
    static String address(ServiceInstance instance) {
        return instance.getHost() + ":" + instance.getPort();
    }

    private static Collection<?> failedInstances(Request request) {
        if (request != null
                && request.getContext() instanceof RequestDataContext context
                && context.getClientRequest() != null
                && context.getClientRequest().getAttributes() != null
                && context.getClientRequest()
                                .getAttributes()
                                .get(ExchangeAttributes.FAILED_INSTANCES)
                        instanceof Collection<?> failed) {
            return failed;
        }
        return List.of();
    }
}
