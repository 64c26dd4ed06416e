package com.bazaar.cart;

import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Carts (trade) over items and users that live in their own databases (profile split). */
@RealEngines
@ActiveProfiles({"mariadb", "split"})
class CartApiOnSplitMariaDbTest extends CartApiTest {
  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }
}
