package com.bazaar.order;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

/** The whole order flow against the machine's MariaDB. */
@RealEngines
@ActiveProfiles("mariadb")
class OrderApiOnMariaDbTest extends OrderApiTest {}
