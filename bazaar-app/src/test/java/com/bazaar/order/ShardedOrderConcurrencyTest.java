package com.bazaar.order;

import com.bazaar.support.RealEngines;
import com.bazaar.support.ShardDatabases;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The races with orders sharded: stock and keys in the application database, orders in the shards. */
@RealEngines
@ActiveProfiles({"test", "mariadb", "sharding"})
@DirtiesContext
class ShardedOrderConcurrencyTest extends OrderConcurrencyTest {
  @DynamicPropertySource
  static void shards(DynamicPropertyRegistry registry) {
    ShardDatabases.register(registry);
  }
}
