package com.bazaar.flashsale.internal;

import com.bazaar.flashsale.FlashSale;
import java.time.Instant;
import java.util.Optional;

/**
 * The stock-counter port: where a sale's remaining units and its buyers are kept so that a
 * purchase is decided in one atomic step without the database. Units taken by a ticket stay
 * held by that ticket until they are given back (the order failed or was cancelled).
 */
interface FlashStock {

  enum Take {
    ACCEPTED,
    SOLD_OUT,
    LIMIT_REACHED,
    NOT_ACTIVE,
    UNKNOWN_SALE
  }

  /** Loads the sale with this many units left, unless it is loaded already. */
  void load(FlashSale sale, long remaining);

  /**
   * Atomically: the sale is open at {@code now}, the buyer stays within the limit and enough
   * units are left — then the units are taken, held by the ticket, and the buyer recorded.
   */
  Take take(long saleId, long buyerId, long ticketId, int quantity, Instant now);

  /** Returns the ticket's units to the sale and frees the buyer's limit; false if not held (again). */
  boolean giveBack(long saleId, long ticketId);

  /** The buyer holding units through this ticket, if it does. */
  Optional<Long> holder(long saleId, long ticketId);

  long remaining(long saleId);
}
