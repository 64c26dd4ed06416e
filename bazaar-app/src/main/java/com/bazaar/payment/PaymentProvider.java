package com.bazaar.payment;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.UserId;

/**
 * The payment-provider port. Providers take an idempotency key so that a retried charge
 * (after a timeout, a crash) is never taken twice; Bazaar uses the order id.
 */
public interface PaymentProvider {

  /** Charges the amount and answers the provider's reference; throws PaymentDeclined. */
  String charge(String idempotencyKey, UserId buyerId, Money amount);

  /** Charges the amount through the method the shopper chose; a provider that knows only one way ignores it. */
  default String charge(String idempotencyKey, UserId buyerId, Money amount, PaymentMethod method) {
    return charge(idempotencyKey, buyerId, amount);
  }
}
