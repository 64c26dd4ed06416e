package com.bazaar.order;

import com.bazaar.platform.Conflict;

/**
 * A buyer already holds as many unpaid orders, or unpaid units, as one buyer may: paying or
 * cancelling one frees room. Answered with 409; the limits are in docs/security.md.
 */
public final class OrderLimitReached extends Conflict {
  public OrderLimitReached(String code, Object... arguments) {
    super(code, arguments);
  }
}
