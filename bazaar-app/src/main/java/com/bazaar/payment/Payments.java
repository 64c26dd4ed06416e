package com.bazaar.payment;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;

/**
 * The payment module's API: collects the money for an order exactly once. A second
 * collection for the same order is refused by a unique key, whatever the caller does.
 */
public interface Payments {

  /** Charges the buyer and records the payment, inside the caller's transaction. */
  Payment collect(OrderId orderId, UserId buyerId, Money amount);

  /** Like {@link #collect(OrderId, UserId, Money)}, through the payment method the shopper chose. */
  Payment collect(OrderId orderId, UserId buyerId, Money amount, PaymentMethod method);
}
