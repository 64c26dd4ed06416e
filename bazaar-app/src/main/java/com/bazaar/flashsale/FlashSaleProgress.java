package com.bazaar.flashsale;

/**
 * A sale's figures as an admin watches them. {@code remaining} units are still for sale; of the
 * units taken, {@code orderedUnits} are in orders (not cancelled), {@code queuedUnits} wait in
 * tickets not yet settled, and {@code returnedUnits} came back from cancelled orders (and may be
 * taken again). Failed tickets gave their units back at once.
 */
public record FlashSaleProgress(
    FlashSale sale, long remaining, long orderedTickets, long orderedUnits, long failedTickets, long returnedUnits) {

  /** Units taken by tickets that are not settled yet (0 once the queue is drained). */
  public long queuedUnits() {
    return Math.max(0, sale.stock() - remaining - orderedUnits);
  }
}
