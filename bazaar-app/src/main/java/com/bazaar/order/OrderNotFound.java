package com.bazaar.order;

import com.bazaar.platform.NotFound;
import com.bazaar.platform.id.OrderId;

/** No order with this id belongs to the caller. */
public final class OrderNotFound extends NotFound {
  public OrderNotFound(long orderId) {
    super("refusal.notFound.order", orderId);
  }

  public OrderNotFound(OrderId orderId) {
    this(orderId.value());
  }
}
