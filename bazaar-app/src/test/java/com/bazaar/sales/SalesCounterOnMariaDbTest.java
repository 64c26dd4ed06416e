package com.bazaar.sales;

import org.springframework.test.context.ActiveProfiles;

/** Counting once per paid order, with racing duplicates, against the machine's MariaDB. */
@ActiveProfiles("mariadb")
class SalesCounterOnMariaDbTest extends SalesCounterTest {}
