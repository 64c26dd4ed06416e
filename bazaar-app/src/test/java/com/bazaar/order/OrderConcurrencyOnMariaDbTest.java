package com.bazaar.order;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

/** The races against MariaDB's InnoDB locking. */
@RealEngines
@ActiveProfiles("mariadb")
class OrderConcurrencyOnMariaDbTest extends OrderConcurrencyTest {}
