package com.bazaar.order;

import com.bazaar.platform.Conflict;

/** Only an order awaiting payment can be cancelled. */
public final class OrderNotCancellable extends Conflict {
  public OrderNotCancellable(long orderId, OrderStatus status) {
    super("order " + orderId + " cannot be cancelled (status " + status + ")");
  }
}
