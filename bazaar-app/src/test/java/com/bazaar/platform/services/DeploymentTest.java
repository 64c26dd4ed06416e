package com.bazaar.platform.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.bazaar.platform.events.BusProperties;
import com.bazaar.platform.events.BusProperties.Type;
import com.bazaar.platform.services.Deployment.Mode;
import com.bazaar.platform.services.Deployment.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A deployment that cannot work refuses to start, saying which property to fix. */
class DeploymentTest {

  @Test
  void theDefaultIsTheMonolithServingEveryModule() {
    Deployment deployment = new Deployment(null, null);

    assertThat(deployment.isMonolith()).isTrue();
    assertThat(deployment.role()).isEqualTo(Role.ALL);
  }

  @Test
  void aRoleNeedsTheServicesMode() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Deployment(Mode.MONOLITH, Role.WEB))
        .withMessageContaining("bazaar.deployment.mode=services");
  }

  @Test
  void theServicesModeNeedsARole() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Deployment(Mode.SERVICES, Role.ALL))
        .withMessageContaining("bazaar.deployment.role");
  }

  @Test
  void aServicesProcessNeedsAnInternalPort() {
    ServicesProperties noPort = new ServicesProperties(0, null, null, null, 0, 0);

    assertThatIllegalStateException()
        .isThrownBy(() -> new ServicesConfiguration(new Deployment(Mode.SERVICES, Role.CATALOG), noPort, bus(Type.RABBIT)))
        .withMessageContaining("bazaar.services.internal-port");
  }

  @Test
  void aServicesProcessRefusesTheEmbeddedBusWhichStaysInsideItsProcess() {
    ServicesProperties port = new ServicesProperties(9081, null, null, null, 0, 0);

    for (Role role : new Role[] {Role.CATALOG, Role.WEB}) {
      assertThatIllegalStateException()
          .isThrownBy(() -> new ServicesConfiguration(new Deployment(Mode.SERVICES, role), port, bus(Type.EMBEDDED)))
          .withMessageContaining("profile rabbit")
          .withMessageContaining("ItemChanged");
      assertThatNoException().isThrownBy(() ->
          new ServicesConfiguration(new Deployment(Mode.SERVICES, role), port, bus(Type.RABBIT)));
    }
  }

  @Test
  void theMonolithKeepsItsEmbeddedBus() {
    assertThatNoException().isThrownBy(() -> new ServicesConfiguration(
        new Deployment(null, null), new ServicesProperties(0, null, null, null, 0, 0), bus(Type.EMBEDDED)));
  }

  private static BusProperties bus(Type type) {
    return new BusProperties(type, null, 0, null, null, null);
  }

  @Test
  void remoteCallsHaveTimeoutsAndReadAttemptsByDefault() {
    ServicesProperties defaults = new ServicesProperties(0, null, null, null, 0, 0);

    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(defaults.readAttempts()).isEqualTo(3);
    assertThat(defaults.maxConnectionsPerInstance()).isEqualTo(200);
    assertThat(defaults.internalAddress()).isEqualTo("127.0.0.1");
  }
}
