package com.bazaar.storefront;

import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin pages with users, catalog and trade in their own MariaDB databases (profile split). */
@RealEngines
@ActiveProfiles({"mariadb", "split"})
class AdminPagesOnSplitMariaDbTest extends AdminPagesTest {
  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }
}
