package com.bazaar.catalog;

import org.springframework.test.context.ActiveProfiles;

/** Admin writes and cache freshness against the machine's MariaDB. */
@ActiveProfiles("mariadb")
class CatalogWritesOnMariaDbTest extends CatalogWritesTest {}
