package com.bazaar.cart;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

/** The same cart tests against the machine's MariaDB. */
@RealEngines
@ActiveProfiles("mariadb")
class CartApiOnMariaDbTest extends CartApiTest {}
