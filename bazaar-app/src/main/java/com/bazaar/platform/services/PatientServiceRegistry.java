package com.bazaar.platform.services;

import java.util.function.BooleanSupplier;
import org.apache.curator.x.discovery.ServiceDiscovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.zookeeper.discovery.ZookeeperInstance;
import org.springframework.cloud.zookeeper.serviceregistry.ZookeeperRegistration;
import org.springframework.cloud.zookeeper.serviceregistry.ZookeeperServiceRegistry;

/**
 * Registers this process in ZooKeeper at start-up, or, while ZooKeeper is unreachable, lets it
 * start unregistered and join once ZooKeeper is back (docs/services.md, Failure semantics:
 * ZooKeeper down). Spring Cloud ZooKeeper's registry registers synchronously and rethrows, so an
 * instance started during a registry outage would wait out Curator's retries (about half a
 * minute) and then fail to start. Curator's service discovery already re-registers every
 * instance it was asked to register whenever its client connects ({@code ServiceDiscoveryImpl}
 * keeps the instance before it tries ZooKeeper); this registry therefore hands the attempt to a
 * background thread when the client is not connected, and the instance serves (unseen by the
 * other services) until ZooKeeper answers. With ZooKeeper reachable it behaves as Spring Cloud's.
 *
 * <p>Spring Cloud ZooKeeper defines its registry bean unconditionally; this one is the
 * {@code @Primary} one that auto-registration uses. Starting and closing the shared Curator
 * service discovery stays with Spring Cloud's bean, so neither is done twice.
 */
final class PatientServiceRegistry extends ZookeeperServiceRegistry {
  private static final Logger log = LoggerFactory.getLogger(PatientServiceRegistry.class);

  private final BooleanSupplier registryConnected;

  PatientServiceRegistry(ServiceDiscovery<ZookeeperInstance> discovery, BooleanSupplier registryConnected) {
    super(discovery);
    this.registryConnected = registryConnected;
  }

  @Override
  public void register(ZookeeperRegistration registration) {
    if (registryConnected.getAsBoolean()) {
      super.register(registration);
      return;
    }
    log.warn("ZooKeeper is unreachable: {} starts unregistered and joins once ZooKeeper is back",
        registration.getServiceId());
    Thread join = new Thread(() -> registerLater(registration), "registry-join");
    join.setDaemon(true);
    join.start();
  }

  private void registerLater(ZookeeperRegistration registration) {
    try {
      super.register(registration);
      log.info("{} registered in ZooKeeper", registration.getServiceId());
    } catch (RuntimeException stillUnreachable) {
      // Curator registers it on its next connection (see above).
      log.info("{} not registered yet ({}); it registers when ZooKeeper answers", registration.getServiceId(),
          stillUnreachable.toString());
    }
  }

  @Override
  public void afterSingletonsInstantiated() {
    // Spring Cloud's own registry bean starts the shared service discovery.
  }

  @Override
  public void close() {
    // Spring Cloud's own registry bean closes it.
  }
}
