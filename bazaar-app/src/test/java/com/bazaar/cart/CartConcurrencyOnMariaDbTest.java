package com.bazaar.cart;

import org.springframework.test.context.ActiveProfiles;

/** The same shoppers against InnoDB's row, gap and next-key locks. */
@ActiveProfiles("mariadb")
class CartConcurrencyOnMariaDbTest extends CartConcurrencyTest {}
