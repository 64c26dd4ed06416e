package com.bazaar.sales;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

/** Counting once per paid order, with racing duplicates, against the machine's MariaDB. */
@RealEngines
@ActiveProfiles("mariadb")
class SalesCounterOnMariaDbTest extends SalesCounterTest {}
