package com.bazaar.order;

import org.springframework.test.context.ActiveProfiles;

/** The whole order flow against the machine's MariaDB. */
@ActiveProfiles("mariadb")
class OrderApiOnMariaDbTest extends OrderApiTest {}
