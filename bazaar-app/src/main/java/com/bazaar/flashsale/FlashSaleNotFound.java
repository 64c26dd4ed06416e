package com.bazaar.flashsale;

import com.bazaar.platform.NotFound;

/** No such sale, or no such ticket of the caller's. */
public final class FlashSaleNotFound extends NotFound {
  public FlashSaleNotFound(String what) {
    super("no " + what);
  }
}
