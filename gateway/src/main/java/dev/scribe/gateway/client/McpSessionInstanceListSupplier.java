package dev.scribe.gateway.client;

import dev.scribe.gateway.domain.ExchangeAttributes;
import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Narrows the instance list to the instance that issued the request's MCP session, named by the
 * exchange attribute {@link ExchangeAttributes#MCP_SESSION_INSTANCE}. When that instance is no
 * longer in the list, the list is empty, so the load balancer finds no instance and {@code
 * McpSessionAffinityFilter} answers 404. Requests without the attribute get the full list.
 */
public class McpSessionInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

    public McpSessionInstanceListSupplier(ServiceInstanceListSupplier delegate) {
        super(delegate);
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return getDelegate().get();
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        String pinned = pinnedInstance(request);
        if (pinned == null) {
            return getDelegate().get(request);
        }
        return getDelegate()
                .get(request)
                .map(
                        instances ->
                                instances.stream()
                                        .filter(
                                                instance ->
                                                        pinned.equals(
                                                                UntriedInstanceListSupplier.address(
                                                                        instance)))
                                        .toList());
    }

    private static String pinnedInstance(Request request) {
        if (request != null
                && request.getContext() instanceof RequestDataContext context
                && context.getClientRequest() != null
                && context.getClientRequest().getAttributes() != null
                && context.getClientRequest()
                                .getAttributes()
                                .get(ExchangeAttributes.MCP_SESSION_INSTANCE)
                        instanceof String instance) {
            return instance;
        }
        return null;
    }
}
