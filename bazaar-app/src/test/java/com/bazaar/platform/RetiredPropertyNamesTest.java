package com.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class RetiredPropertyNamesTest {
  private final RetiredPropertyNames check = new RetiredPropertyNames();

  @Test
  void aSettingUnderARetiredNameStopsTheStartAndNamesItsReplacement() {
    StandardEnvironment environment = environmentWith(Map.of("bazaar.orders.sharding.enabled", "true"));

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bazaar.orders.sharding.enabled is now bazaar.order");
  }

  @Test
  void environmentVariablesUnderRetiredNamesAreFoundToo() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        Map.of("BAZAAR_RATELIMIT_REDIS_KEYPREFIX", "x:", "BAZAAR_FLASH_REDIS_KEYPREFIX", "y:")));

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("bazaar.flash.stock.namespace");
  }

  @Test
  void theNewNamesPass() {
    StandardEnvironment environment = environmentWith(Map.of(
        "bazaar.order.sharding.enabled", "true",
        "bazaar.flash.stock.namespace", "x:flash",
        "bazaar.rate-limit.namespace", "x:rate"));

    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  private static StandardEnvironment environmentWith(Map<String, Object> settings) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    return environment;
  }
}
