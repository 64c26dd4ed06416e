package com.bazaar.order.internal;

import com.bazaar.platform.id.IdGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OrderProperties.class, ShardingProperties.class})
class OrderConfiguration {

  @Bean
  OrderIdGenerator orderIdGenerator(IdGenerator ids) {
    return new OrderIdGenerator(ids);
  }

  /** The default: orders in the application's database, one local transaction per flow. */
  @Bean
  @ConditionalOnProperty(name = "bazaar.orders.sharding.enabled", havingValue = "false", matchIfMissing = true)
  OrderStore sharedOrderStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
    return OrderStore.shared(jdbc, transactions);
  }
}
