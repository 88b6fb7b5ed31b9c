package cn.minzheng.gateway.retry;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code lb://} service gets {@link PerServiceLoadBalancing}: the instance list as Spring Cloud
 * LoadBalancer builds it by default, narrowed to the instances the request has not tried yet.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = PerServiceLoadBalancing.class)
public class RetryLoadBalancing {
}
