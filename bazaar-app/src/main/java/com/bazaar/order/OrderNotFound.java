package com.bazaar.order;

import com.bazaar.platform.NotFound;

/** No order with this id belongs to the caller. */
public final class OrderNotFound extends NotFound {
  public OrderNotFound(long orderId) {
    super("refusal.notFound.order", orderId);
  }
}
