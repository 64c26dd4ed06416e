package com.bazaar.payment;

import com.bazaar.platform.Conflict;
import com.bazaar.platform.id.OrderId;

/** The order's money has already been collected; it is never collected twice. */
public final class AlreadyPaid extends Conflict {
  public AlreadyPaid(OrderId orderId) {
    super("refusal.payment.alreadyPaid", orderId);
  }
}
