package com.bazaar.flashsale;

import com.bazaar.platform.NotFound;
import com.bazaar.platform.id.SaleId;

/** No such sale, or no such ticket of the caller's. */
public final class FlashSaleNotFound extends NotFound {
  public FlashSaleNotFound(SaleId saleId) {
    super("refusal.notFound.sale", saleId);
  }

  private FlashSaleNotFound(SaleId saleId, long ticketId) {
    super("refusal.notFound.ticket", ticketId, saleId);
  }

  /** A ticket the sale does not have, or that is another buyer's. */
  public static FlashSaleNotFound ticket(SaleId saleId, long ticketId) {
    return new FlashSaleNotFound(saleId, ticketId);
  }
}
