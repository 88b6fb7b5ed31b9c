package cn.minzheng.gateway.retry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Hands the load balancer only the instances this request has not been sent to yet
 * ({@link TriedInstances}); the gateway's load balancer does not get Spring Cloud LoadBalancer's
 * retry awareness, which works only for its own retrying clients.
 */
public class UntriedInstancesFirst extends DelegatingServiceInstanceListSupplier {

    public UntriedInstancesFirst(ServiceInstanceListSupplier delegate) {
        super(delegate);
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get();
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        Set<String> tried = TriedInstances.of(attributesOf(request));
        return delegate.get(request).map(instances ->
                TriedInstances.untriedFirst(instances, tried, i -> TriedInstances.key(i.getHost(), i.getPort())));
    }

    private static Map<String, Object> attributesOf(Request<?> request) {
        if (request != null && request.getContext() instanceof RequestDataContext context
                && context.getClientRequest() != null) {
            return context.getClientRequest().getAttributes();
        }
        return Map.of();
    }
}
