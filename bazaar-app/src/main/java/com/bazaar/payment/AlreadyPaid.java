package com.bazaar.payment;

import com.bazaar.platform.Conflict;

/** The order's money has already been collected; it is never collected twice. */
public final class AlreadyPaid extends Conflict {
  public AlreadyPaid(long orderId) {
    super("refusal.payment.alreadyPaid", orderId);
  }
}
