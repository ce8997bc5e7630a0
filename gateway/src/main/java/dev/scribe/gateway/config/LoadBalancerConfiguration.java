package dev.scribe.gateway.config;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Lets every service's load balancer skip instances that failed earlier in the same request. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = PerServiceLoadBalancerConfiguration.class)
public class LoadBalancerConfiguration {}
