package com.bazaar.platform.services;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.x.discovery.ServiceDiscovery;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.zookeeper.discovery.ZookeeperInstance;
import org.springframework.cloud.zookeeper.serviceregistry.ZookeeperRegistration;

/** An instance started while ZooKeeper is unreachable starts anyway and joins later (docs/services.md). */
class PatientServiceRegistryTest {
  @SuppressWarnings("unchecked")
  private final ServiceDiscovery<ZookeeperInstance> discovery = mock(ServiceDiscovery.class);
  private final AtomicBoolean connected = new AtomicBoolean(true);
  private final PatientServiceRegistry registry = new PatientServiceRegistry(discovery, connected::get);
  private final ZookeeperRegistration registration = mock(ZookeeperRegistration.class);

  @Test
  void aReachableRegistryRegistersAtOnceAndItsFailureFailsTheStart() throws Exception {
    doThrow(new KeeperException.NoAuthException()).when(discovery).registerService(any());

    assertThatThrownBy(() -> registry.register(registration)).hasRootCauseInstanceOf(KeeperException.NoAuthException.class);
  }

  @Test
  void anUnreachableRegistryDoesNotHoldTheStartAndIsAskedInTheBackground() throws Exception {
    connected.set(false);
    doThrow(new KeeperException.ConnectionLossException()).when(discovery).registerService(any());

    assertThatCode(() -> registry.register(registration)).doesNotThrowAnyException();
    // Curator's discovery keeps the instance it was asked to register and registers it on connection.
    verify(discovery, timeout(5_000)).registerService(any());
  }
}
