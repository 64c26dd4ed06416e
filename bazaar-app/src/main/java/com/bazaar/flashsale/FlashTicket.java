package com.bazaar.flashsale;

import java.util.Optional;

/**
 * A buyer's accepted purchase on its way to becoming an order. Every QUEUED ticket ends
 * ORDERED (with its order) or FAILED (its units returned to the sale).
 */
public record FlashTicket(long id, long saleId, Status status, Optional<Long> orderId) {

  public enum Status {
    QUEUED,
    ORDERED,
    FAILED
  }

  public static FlashTicket queued(long id, long saleId) {
    return new FlashTicket(id, saleId, Status.QUEUED, Optional.empty());
  }
}
