package com.bazaar.order.internal;

import com.bazaar.order.Order;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reserve stock, then store the order: one step for the {@link OrderDesk}, whether the two
 * commit together or not. The data layout chooses the implementation: {@link
 * OneTransactionPlacement} when the order rows live beside the stock (one database), {@link
 * ReservationSagaPlacement} when they live in the shards.
 */
interface OrderPlacement {
  /**
   * @param reserve in the stock's transaction: prices the order, claims its key, takes its stock
   *     ({@link StockReservation#take}); answers the order
   * @param claim the Idempotency-Key the reservation claimed, freed again if the order cannot stand
   * @param whenPlaced in the stock's transaction that confirms the placement (the cart emptied)
   * @return the placed order, its {@code OrderPlaced} event recorded
   */
  Order place(Supplier<Order> reserve, Optional<IdempotentRequests.Claim> claim, Runnable whenPlaced);
}
