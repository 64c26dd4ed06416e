package com.bazaar.order.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.order.limits.*}: how much one buyer may order and hold unpaid, so that one
 * account cannot reserve a shop's stock away from everyone else (issue 10: one self-registered
 * account held 26,339 units of 100 items in one order). Values and reasons: docs/security.md. Units
 * of one item per order are no setting: they are the cart's line limit, {@link
 * com.bazaar.cart.Carts#MAX_QUANTITY}, so that a full cart can always be ordered.
 *
 * @param maxLinesPerOrder distinct items in one order
 * @param maxPendingOrders orders placed and not yet paid or cancelled, per buyer
 * @param maxReservedUnits units held by those unpaid orders together, per buyer
 */
@ConfigurationProperties("bazaar.order.limits")
record OrderLimits(int maxLinesPerOrder, int maxPendingOrders, int maxReservedUnits) {
  OrderLimits {
    require(maxLinesPerOrder, "max-lines-per-order");
    require(maxPendingOrders, "max-pending-orders");
    require(maxReservedUnits, "max-reserved-units");
  }

  private static void require(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException("bazaar.order.limits." + name + " must be set and positive");
    }
  }
}
