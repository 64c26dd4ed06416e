package com.bazaar.order;

import com.bazaar.platform.Conflict;

/** The order is not awaiting payment (already paid, cancelled, or past its deadline). */
public final class OrderNotPayable extends Conflict {
  public OrderNotPayable(long orderId, OrderStatus status) {
    super("refusal.order.notPayable", orderId, status);
  }
}
