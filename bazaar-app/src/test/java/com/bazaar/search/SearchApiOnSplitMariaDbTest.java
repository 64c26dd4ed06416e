package com.bazaar.search;

import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Search indexed from a catalog in its own database (profile split). */
@RealEngines
@ActiveProfiles({"mariadb", "split"})
class SearchApiOnSplitMariaDbTest extends SearchApiTest {
  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }
}
