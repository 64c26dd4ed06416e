package com.bazaar.order;

import com.bazaar.platform.Conflict;

/** Only an order awaiting payment can be cancelled. */
public final class OrderNotCancellable extends Conflict {
  public OrderNotCancellable(long orderId, OrderStatus status) {
    super("refusal.order.notCancellable", orderId, status);
  }
}
