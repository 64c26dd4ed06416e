package com.bazaar.cart;

import org.springframework.test.context.ActiveProfiles;

/** The same cart tests against the machine's MariaDB. */
@ActiveProfiles("mariadb")
class CartApiOnMariaDbTest extends CartApiTest {}
