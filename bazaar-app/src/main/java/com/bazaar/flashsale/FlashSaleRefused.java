package com.bazaar.flashsale;

import com.bazaar.platform.Conflict;

/** A purchase the sale turned down: sold out, over the buyer's limit, or outside the window. */
public final class FlashSaleRefused extends Conflict {
  public FlashSaleRefused(String reason) {
    super(reason);
  }

  public static FlashSaleRefused soldOut(long saleId) {
    return new FlashSaleRefused("flash sale " + saleId + " is sold out");
  }

  public static FlashSaleRefused limitReached(long saleId) {
    return new FlashSaleRefused("purchase limit reached for flash sale " + saleId);
  }

  public static FlashSaleRefused notActive(long saleId) {
    return new FlashSaleRefused("flash sale " + saleId + " is not active");
  }
}
