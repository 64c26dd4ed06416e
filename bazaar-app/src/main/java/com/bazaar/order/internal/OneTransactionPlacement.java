package com.bazaar.order.internal;

import com.bazaar.order.Order;
import com.bazaar.platform.data.LockConflictRetry;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order rows beside the stock (one database): reservation, order row and confirmation are one
 * local transaction, whole or not at all, and run again after a deadlock.
 */
final class OneTransactionPlacement implements OrderPlacement {
  private final Orders orders;
  private final StockReservation stock;
  private final OrderEvents events;
  private final OrderMeters meters;
  private final TransactionTemplate writing;
  private final LockConflictRetry lockConflicts;

  OneTransactionPlacement(Orders orders, StockReservation stock, OrderEvents events, OrderMeters meters,
      PlatformTransactionManager transactions, LockConflictRetry lockConflicts) {
    this.orders = orders;
    this.stock = stock;
    this.events = events;
    this.meters = meters;
    this.writing = new TransactionTemplate(transactions);
    this.lockConflicts = lockConflicts;
  }

  @Override
  public Order place(Supplier<Order> reserve, Optional<IdempotentRequests.Claim> claim, Runnable whenPlaced) {
    return lockConflicts.run(() -> writing.execute(s -> {
      Order order = reserve.get();
      meters.observeInsert(() -> orders.insert(order));
      stock.markPlaced(order.id().value());
      whenPlaced.run();
      events.publish(new Order.OrderPlaced(order.id(), order.buyerId()));
      return order;
    }));
  }
}
