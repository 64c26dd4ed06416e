package com.bazaar.notification;

import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Buyer notifications with users, catalog and trade in three databases (profile split). */
@RealEngines
@ActiveProfiles({"mariadb", "split"})
class NotificationApiOnSplitMariaDbTest extends NotificationApiTest {
  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }
}
