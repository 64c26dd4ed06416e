package com.bazaar.platform.id;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Selects the id generator: {@code bazaar.ids.type=snowflake} (default) takes its worker id
 * from {@code bazaar.ids.worker-id}, fine for one node; {@code leased-snowflake} leases a
 * worker id from the database, for any number of nodes.
 */
@Configuration(proxyBeanMethods = false)
class IdConfiguration {
  @Bean
  @ConditionalOnProperty(name = "bazaar.ids.type", havingValue = "snowflake", matchIfMissing = true)
  IdGenerator snowflakeIdGenerator(@Value("${bazaar.ids.worker-id:0}") int workerId) {
    return new SnowflakeIdGenerator(workerId);
  }

  @Bean
  @ConditionalOnProperty(name = "bazaar.ids.type", havingValue = "leased-snowflake")
  LeasedIdGenerator leasedIdGenerator(
      JdbcClient jdbc, Clock clock, @Value("${bazaar.ids.lease-duration:30s}") Duration leaseDuration) {
    return new LeasedIdGenerator(new WorkerIdLeases(jdbc), clock, leaseDuration);
  }
}
