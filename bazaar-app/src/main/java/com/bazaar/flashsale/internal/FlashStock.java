package com.bazaar.flashsale.internal;

import com.bazaar.flashsale.FlashSale;
import java.time.Instant;
import java.util.List;
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

  /** The ticket's order is placed: nothing needs resending for it any more. */
  void settled(long saleId, long ticketId);

  /**
   * Atomically claims up to {@code max} held tickets of the sale that are unsettled since before
   * {@code before}, stamping them {@code now} so that no other node claims them again until they
   * are as old once more. A ticket whose units were given back is dropped instead.
   */
  List<TicketOrder> reclaim(long saleId, Instant before, Instant now, int max);

  /** The buyer holding units through this ticket, if it does. */
  Optional<Long> holder(long saleId, long ticketId);

  long remaining(long saleId);
}
