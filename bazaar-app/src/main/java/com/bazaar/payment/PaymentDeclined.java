package com.bazaar.payment;

import com.bazaar.platform.Conflict;

/** The provider refused the charge; the order stays payable. */
public final class PaymentDeclined extends Conflict {
  public PaymentDeclined(String code, Object... arguments) {
    super(code, arguments);
  }
}
