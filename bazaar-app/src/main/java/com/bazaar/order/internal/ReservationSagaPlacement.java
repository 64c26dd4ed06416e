package com.bazaar.order.internal;

import com.bazaar.order.Order;
import com.bazaar.order.internal.Reservations.State;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order rows in the shards, apart from the stock: three local transactions. Take the stock and
 * hold it in the reservation row; insert the order in its shard; mark the reservation placed and
 * confirm. If the insert fails the stock goes back at once; if the node dies in between, {@link
 * ReservationRecovery} settles the reservation later ({@link StockReservation#settleHeld}); if
 * recovery gave the order up before its row landed, the row is removed again. See
 * docs/sharding.md.
 */
final class ReservationSagaPlacement implements OrderPlacement {
  private final Orders orders;
  private final OrderStore store;
  private final StockReservation stock;
  private final OrderEvents events;
  private final OrderMeters meters;
  private final TransactionTemplate writing;

  ReservationSagaPlacement(Orders orders, OrderStore store, StockReservation stock, OrderEvents events,
      OrderMeters meters, PlatformTransactionManager transactions) {
    this.orders = orders;
    this.store = store;
    this.stock = stock;
    this.events = events;
    this.meters = meters;
    this.writing = new TransactionTemplate(transactions);
  }

  @Override
  public Order place(Supplier<Order> reserve, Optional<IdempotentRequests.Claim> claim, Runnable whenPlaced) {
    Order order = writing.execute(s -> reserve.get());
    try {
      meters.observeInsert(() -> store.writing().executeWithoutResult(s -> orders.insert(order)));
    } catch (RuntimeException e) {
      writing.executeWithoutResult(s -> {
        stock.giveBack(order.id().value());
        claim.ifPresent(IdempotentRequests.Claim::release);
      });
      throw e;
    }
    boolean abandoned = Boolean.TRUE.equals(writing.execute(s -> {
      if (!stock.markPlaced(order.id().value()) && stock.state(order.id().value()) == State.RELEASED) {
        return true;
      }
      whenPlaced.run();
      events.publish(new Order.OrderPlaced(order.id(), order.buyerId()));
      return false;
    }));
    if (abandoned) {
      // The recovery job gave up on this order before its row landed: it must not stand without stock.
      store.writing().executeWithoutResult(t -> orders.delete(order.id().value()));
      throw new IllegalStateException("order " + order.id() + " was abandoned while being placed");
    }
    return order;
  }
}
