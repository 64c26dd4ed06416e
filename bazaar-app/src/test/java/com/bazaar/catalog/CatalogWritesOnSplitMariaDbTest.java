package com.bazaar.catalog;

import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Admin writes and cache freshness with the catalog in its own database (profile split). */
@RealEngines
@ActiveProfiles({"mariadb", "split"})
class CatalogWritesOnSplitMariaDbTest extends CatalogWritesTest {
  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }
}
