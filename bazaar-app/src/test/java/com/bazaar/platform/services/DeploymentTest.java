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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

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
    ServicesProperties noPort = new ServicesProperties(0, null, null, null, null, null);

    assertThatIllegalStateException()
        .isThrownBy(() -> new ServicesConfiguration(new Deployment(Mode.SERVICES, Role.CATALOG), noPort, bus(Type.RABBIT), "two-level"))
        .withMessageContaining("bazaar.services.internal-port");
  }

  @Test
  void aServicesProcessRefusesTheEmbeddedBusWhichStaysInsideItsProcess() {
    for (Role role : new Role[] {Role.CATALOG, Role.WEB}) {
      assertThatIllegalStateException()
          .isThrownBy(() -> servicesProcess(role, Type.EMBEDDED, "two-level"))
          .withMessageContaining("profile rabbit")
          .withMessageContaining("ItemChanged");
      assertThatNoException().isThrownBy(() -> servicesProcess(role, Type.RABBIT, "two-level"));
    }
  }

  @Test
  void aServicesProcessRefusesACacheOfItsOwnWhichTheOtherRolesCannotEvict() {
    for (Role role : new Role[] {Role.CATALOG, Role.WEB}) {
      assertThatIllegalStateException()
          .isThrownBy(() -> servicesProcess(role, Type.RABBIT, "caffeine"))
          .withMessageContaining("profile redis")
          .withMessageContaining("stale stock");
      for (String shared : new String[] {"two-level", "none"}) {
        assertThatNoException().isThrownBy(() -> servicesProcess(role, Type.RABBIT, shared));
      }
    }
  }

  /** A services process of that role with an internal port, on that bus and cache type. */
  private static ServicesConfiguration servicesProcess(Role role, Type busType, String cacheType) {
    return new ServicesConfiguration(new Deployment(Mode.SERVICES, role),
        new ServicesProperties(9081, null, null, null, null, null), bus(busType), cacheType);
  }

  @Test
  void theMonolithKeepsItsEmbeddedBusAndItsOwnCache() {
    assertThatNoException().isThrownBy(() -> new ServicesConfiguration(
        new Deployment(null, null), new ServicesProperties(0, null, null, null, null, null), bus(Type.EMBEDDED), "two-level"));
  }

  private static BusProperties bus(Type type) {
    return new BusProperties(type, null, 0, null, null, null);
  }

  @Test
  void remoteCallsHaveTimeoutsAndReadAttemptsByDefault() {
    servicesSettings().run(context -> {
      ServicesProperties defaults = context.getBean(ServicesProperties.class);

      assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
      assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(3));
      assertThat(defaults.readAttempts()).isEqualTo(3);
      assertThat(defaults.maxConnectionsPerInstance()).isEqualTo(200);
      assertThat(defaults.internalAddress()).isEqualTo("127.0.0.1");
    });
  }

  /** A zero is a typo or a "no limit" (a timeout of 0 waits for ever), never the default. */
  @Test
  void aZeroOrNegativeRemoteCallSettingRefusesToStartNamingTheProperty() {
    for (String setting : List.of("read-attempts=0", "read-attempts=-1", "max-connections-per-instance=0",
        "max-connections-per-instance=-5", "connect-timeout=0s", "connect-timeout=-1s", "read-timeout=0ms",
        "read-timeout=-3s")) {
      servicesSettings().withPropertyValues("bazaar.services." + setting).run(context ->
          assertThat(context).getFailure().as(setting)
              .rootCause()
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageStartingWith("bazaar.services." + setting.substring(0, setting.indexOf('=')) + " must be"));
    }
  }

  /** bazaar.services.* bound as the app binds it: an absent property and an explicit 0 differ. */
  private static ApplicationContextRunner servicesSettings() {
    return new ApplicationContextRunner().withUserConfiguration(ServicesSettings.class);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ServicesProperties.class)
  static class ServicesSettings {}
}
