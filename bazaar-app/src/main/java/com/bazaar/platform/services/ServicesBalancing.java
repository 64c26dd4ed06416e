package com.bazaar.platform.services;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.x.discovery.ServiceDiscovery;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.zookeeper.discovery.ZookeeperInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * In the services deployment, every balanced service client ({@code lb://<service>}) picks from
 * the instances {@link LastKnownInstancesConfiguration} supplies, so calls keep going to the
 * known instances while ZooKeeper is down, and the registry's health says so without failing the
 * node ({@link RegistryHealth}; docs/services.md, Failure semantics); an instance started while
 * ZooKeeper is down serves and joins once it is back ({@link PatientServiceRegistry}). Off in the
 * monolith, which balances and registers nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bazaar.deployment.mode", havingValue = "services")
@LoadBalancerClients(defaultConfiguration = LastKnownInstancesConfiguration.class)
class ServicesBalancing {

  @Bean("registry")
  RegistryHealth registryHealth(CuratorFramework zooKeeper) {
    return new RegistryHealth(() -> zooKeeper.getZookeeperClient().isConnected());
  }

  @Bean
  @Primary
  PatientServiceRegistry patientServiceRegistry(ServiceDiscovery<ZookeeperInstance> discovery,
      CuratorFramework zooKeeper) {
    return new PatientServiceRegistry(discovery, () -> zooKeeper.getZookeeperClient().isConnected());
  }
}
