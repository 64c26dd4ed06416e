package com.bazaar.order;

import com.bazaar.platform.Conflict;
import com.bazaar.platform.id.OrderId;

/** Only an order awaiting payment can be cancelled. */
public final class OrderNotCancellable extends Conflict {
  public OrderNotCancellable(OrderId orderId, OrderStatus status) {
    super("refusal.order.notCancellable", orderId, status);
  }
}
