package com.bazaar.catalog;

import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The catalog API with items and categories in their own database (profile split). */
@RealEngines
@ActiveProfiles({"mariadb", "split"})
class CatalogApiOnSplitMariaDbTest extends CatalogApiTest {
  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }
}
