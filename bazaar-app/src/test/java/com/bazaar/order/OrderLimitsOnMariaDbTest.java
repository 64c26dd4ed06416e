package com.bazaar.order;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

/** The per-buyer limits, their guard row lock included, against MariaDB's InnoDB locking. */
@RealEngines
@ActiveProfiles("mariadb")
class OrderLimitsOnMariaDbTest extends OrderLimitsTest {}
