package com.bazaar.catalog;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

/** Admin writes and cache freshness against the machine's MariaDB. */
@RealEngines
@ActiveProfiles("mariadb")
class CatalogWritesOnMariaDbTest extends CatalogWritesTest {}
