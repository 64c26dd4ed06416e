package com.bazaar.order;

import com.bazaar.platform.Conflict;
import com.bazaar.platform.id.OrderId;

/** The order is not awaiting payment (already paid, cancelled, or past its deadline). */
public final class OrderNotPayable extends Conflict {
  public OrderNotPayable(OrderId orderId, OrderStatus status) {
    super("refusal.order.notPayable", orderId, status);
  }
}
