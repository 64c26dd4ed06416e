package com.bazaar.platform.services;

import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The instance list of every service this process calls, in Spring Cloud LoadBalancer's
 * per-service context (hence no {@code @Configuration}: it must not be scanned into the
 * application's own context): the discovery client's answer, the {@link LastKnownInstances} when
 * it has none, cached for {@code spring.cloud.loadbalancer.cache.ttl}, less the instances the
 * caller's running call already failed on ({@link TriedInstances}). It replaces Spring Cloud
 * ZooKeeper's default supplier, which is the same chain without the memory; {@code @Primary}
 * because both are default configurations of the balancer and their order is not defined.
 */
public class LastKnownInstancesConfiguration {

  @Bean
  @Primary
  ServiceInstanceListSupplier lastKnownInstances(ConfigurableApplicationContext context) {
    ObjectProvider<CuratorFramework> curator = context.getBeanProvider(CuratorFramework.class);
    BooleanSupplier registryConnected = () -> {
      CuratorFramework client = curator.getIfAvailable();
      return client == null || client.getZookeeperClient().isConnected();
    };
    return ServiceInstanceListSupplier.builder()
        .withBlockingDiscoveryClient()
        .with((ignored, discovery) -> new LastKnownInstances(discovery, registryConnected))
        .withCaching()
        .with((ignored, cached) -> TriedInstances.avoidedBy(cached))
        .build(context);
  }

  /** Records, for {@link TriedInstances}, which instance a call's attempt failed on. */
  @Bean
  LoadBalancerLifecycle<Object, Object, ServiceInstance> triedInstances() {
    return TriedInstances.recorder();
  }
}
