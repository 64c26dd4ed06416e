package com.bazaar.order;

import org.springframework.test.context.ActiveProfiles;

/** The races against MariaDB's InnoDB locking. */
@ActiveProfiles("mariadb")
class OrderConcurrencyOnMariaDbTest extends OrderConcurrencyTest {}
