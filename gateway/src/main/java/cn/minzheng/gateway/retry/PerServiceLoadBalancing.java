package cn.minzheng.gateway.retry;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Loaded into each service's own load-balancer context (named by {@link RetryLoadBalancing}), never
 * into the gateway's: deliberately not a component and not nested in a configuration class. The list
 * is the default one (discovery client, cached for {@code spring.cloud.loadbalancer.cache.ttl}), then
 * {@link UntriedInstancesFirst}.
 */
class PerServiceLoadBalancing {

    @Bean
    ServiceInstanceListSupplier untriedInstancesFirst(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withCaching()
                .with((ctx, delegate) -> new UntriedInstancesFirst(delegate))
                .build(context);
    }
}
