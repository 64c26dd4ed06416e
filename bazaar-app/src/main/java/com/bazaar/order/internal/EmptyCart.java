package com.bazaar.order.internal;

import com.bazaar.platform.InvalidInput;

/**
 * An order from the cart found the cart empty: 400 naming {@code fromCart}, unless the same
 * Idempotency-Key already placed an order (that emptied it), which the retry then gets.
 */
final class EmptyCart extends InvalidInput {
  EmptyCart() {
    super("fromCart", "refusal.order.emptyCart");
  }
}
