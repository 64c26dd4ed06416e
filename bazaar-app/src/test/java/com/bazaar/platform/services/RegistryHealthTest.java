package com.bazaar.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** ZooKeeper unreachable is said in health, without failing the node that still serves (docs/services.md). */
class RegistryHealthTest {
  private final AtomicBoolean connected = new AtomicBoolean(true);
  private final RegistryHealth health = new RegistryHealth(connected::get);

  @Test
  void aConnectedRegistryIsUp() {
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void anUnreachableRegistryIsUnreachableNotDown() {
    connected.set(false);

    Status status = health.health().getStatus();
    assertThat(status.getCode()).isEqualTo("UNREACHABLE");
    assertThat(status).isNotIn(Status.DOWN, Status.OUT_OF_SERVICE);
    assertThat(status.getDescription()).contains("last listed");
  }
}
