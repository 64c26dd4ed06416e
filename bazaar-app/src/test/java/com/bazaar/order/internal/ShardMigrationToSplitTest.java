package com.bazaar.order.internal;

import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The migration command into a sharded and split node: users and catalog go to their own
 * databases (the verification reads them there; the main database has no such tables), the
 * migrated buyers log in and read their orders.
 */
@RealEngines
@ActiveProfiles("split")
class ShardMigrationToSplitTest extends ShardMigrationTest {
  @DynamicPropertySource
  static void splitDatabases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }
}
