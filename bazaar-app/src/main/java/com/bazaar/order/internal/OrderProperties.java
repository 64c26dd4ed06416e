package com.bazaar.order.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.order.*}: how long a buyer has to pay a placed order, and how often the
 * canceller looks for orders that ran out of time.
 */
@ConfigurationProperties("bazaar.order")
record OrderProperties(Duration paymentWindow, Duration expiryCheckInterval) {
  OrderProperties {
    paymentWindow = paymentWindow == null ? Duration.ofMinutes(15) : paymentWindow;
    expiryCheckInterval = expiryCheckInterval == null ? Duration.ofSeconds(10) : expiryCheckInterval;
    if (paymentWindow.isNegative() || paymentWindow.isZero()) {
      throw new IllegalArgumentException("bazaar.order.payment-window must be positive");
    }
  }
}
