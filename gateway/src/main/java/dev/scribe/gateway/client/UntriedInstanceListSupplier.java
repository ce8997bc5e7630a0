package dev.scribe.gateway.client;

import dev.scribe.gateway.domain.ExchangeAttributes;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Leaves out the instances to which the connection already failed during the current request, so
 * that a retry goes to another instance. When every instance has failed, the list is empty and the
 * load balancer reports that no instance is available.
 *
 * <p>It also leaves out the instances that refused a connection of any request shortly before
 * ({@link RefusedInstances}), unless that would leave no instance at all, and ends their quarantine
 * once the registry stops listing them.
 */
public class UntriedInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

    private final RefusedInstances refused;

    /** Addresses this service's list held before, to notice the ones the registry dropped. */
    private final Set<String> listed = ConcurrentHashMap.newKeySet();

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

    /** Ends the quarantine of instances the registry no longer lists. */
    private void forgetDropped(List<ServiceInstance> instances) {
        Set<String> current = new HashSet<>();
        for (ServiceInstance instance : instances) {
            current.add(address(instance));
        }
        for (String address : listed) {
            if (!current.contains(address)) {
                refused.forget(address);
                listed.remove(address);
            }
        }
        listed.addAll(current);
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
