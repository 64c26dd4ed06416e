package com.bazaar.cart;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

/** The same shoppers against InnoDB's row, gap and next-key locks. */
@RealEngines
@ActiveProfiles("mariadb")
class CartConcurrencyOnMariaDbTest extends CartConcurrencyTest {}
