package com.bazaar.order;

import org.springframework.test.context.ActiveProfiles;

/** The per-buyer limits, their guard row lock included, against MariaDB's InnoDB locking. */
@ActiveProfiles("mariadb")
class OrderLimitsOnMariaDbTest extends OrderLimitsTest {}
