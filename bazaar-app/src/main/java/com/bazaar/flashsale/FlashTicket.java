package com.bazaar.flashsale;

import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.SaleId;
import java.util.Optional;

/**
 * A buyer's accepted purchase on its way to becoming an order. Every QUEUED ticket ends
 * ORDERED (with its order) or FAILED (its units returned to the sale).
 */
public record FlashTicket(long id, SaleId saleId, Status status, Optional<OrderId> orderId) {

  public enum Status {
    QUEUED,
    ORDERED,
    FAILED
  }

  public static FlashTicket queued(long id, SaleId saleId) {
    return new FlashTicket(id, saleId, Status.QUEUED, Optional.empty());
  }
}
