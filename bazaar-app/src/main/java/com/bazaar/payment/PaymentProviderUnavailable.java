package com.bazaar.payment;

import com.bazaar.platform.Unavailable;
import java.time.Duration;

/** The payment provider is down (or its breaker is open): nothing was charged, the order stays payable. */
public final class PaymentProviderUnavailable extends Unavailable {
  public PaymentProviderUnavailable(Duration retryAfter) {
    super("refusal.unavailable.payment", retryAfter);
  }
}
