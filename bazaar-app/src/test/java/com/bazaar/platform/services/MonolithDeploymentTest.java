package com.bazaar.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.ApplicationContext;

/**
 * Spring Cloud is on the classpath for the services deployment only (docs/services.md): the
 * monolith, the default, neither connects to ZooKeeper nor registers, discovers or balances
 * anything, and serves no module API to other services.
 */
class MonolithDeploymentTest extends ApiTest {
  @Autowired ApplicationContext context;

  @Test
  void theMonolithStartsNothingOfSpringCloud() {
    // Spring Cloud Commons always defines its simple (property-listed) and composite discovery
    // clients; they touch no network, and here they know no service at all.
    assertThat(context.getBeansOfType(DiscoveryClient.class).values())
        .allSatisfy(client -> assertThat(client.getServices()).isEmpty())
        .noneMatch(client -> client.getClass().getName().contains("zookeeper"));
    assertThat(context.getBeanNamesForType(ServiceRegistry.class)).isEmpty();
    assertThat(context.getBeanNamesForType(LoadBalancerClient.class)).isEmpty();
    assertThat(Arrays.stream(context.getBeanDefinitionNames())
            .map(name -> context.getType(name))
            .filter(type -> type != null && type.getName().startsWith("org.apache.curator")))
        .as("no ZooKeeper client")
        .isEmpty();
  }
}
