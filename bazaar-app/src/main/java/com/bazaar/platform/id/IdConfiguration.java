package com.bazaar.platform.id;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Embedded adapter: one Snowflake generator whose worker id comes from configuration. */
@Configuration(proxyBeanMethods = false)
class IdConfiguration {
  @Bean
  @ConditionalOnProperty(name = "bazaar.ids.type", havingValue = "snowflake", matchIfMissing = true)
  IdGenerator snowflakeIdGenerator(@Value("${bazaar.ids.worker-id:0}") int workerId) {
    return new SnowflakeIdGenerator(workerId);
  }
}
