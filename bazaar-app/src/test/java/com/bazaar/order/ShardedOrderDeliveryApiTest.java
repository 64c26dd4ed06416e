package com.bazaar.order;

import com.bazaar.support.RealEngines;
import com.bazaar.support.ShardDatabases;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The order's address copy and payment method with orders sharded over two MariaDB databases × 4 tables. */
@RealEngines
@ActiveProfiles({"test", "mariadb", "sharding"})
@DirtiesContext
class ShardedOrderDeliveryApiTest extends OrderDeliveryApiTest {
  @DynamicPropertySource
  static void shards(DynamicPropertyRegistry registry) {
    ShardDatabases.register(registry);
  }
}
