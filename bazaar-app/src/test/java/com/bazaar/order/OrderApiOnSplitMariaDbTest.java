package com.bazaar.order;

import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole trade flow with the users in their own database (profile split). */
@RealEngines
@ActiveProfiles({"mariadb", "split"})
class OrderApiOnSplitMariaDbTest extends OrderApiTest {
  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }
}
