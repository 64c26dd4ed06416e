package com.bazaar.order.internal;

import com.bazaar.order.Order;
import com.bazaar.order.OrderNotCancellable;
import com.bazaar.order.OrderNotFound;
import com.bazaar.order.OrderNotPayable;
import com.bazaar.order.OrderStatus;
import com.bazaar.order.internal.Reservations.State;
import com.bazaar.payment.Payments;
import com.bazaar.platform.data.LockConflictRetry;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays and cancels placed orders. Each flow locks the order row in its store, then lets the
 * reservation row decide, in the stock's own transaction, whether the stock is sold or given
 * back; the order row follows the reservation. So a paid order is never cancelled and stock is
 * returned at most once, whichever step a crash interrupts. When the order rows live beside the
 * stock both transactions are one; when they do not, a flow takes the order's connection first
 * and the stock's second, never the other way round, so two flows never each hold what the other
 * waits for. A flow that loses a deadlock or a lock wait runs again ({@link LockConflictRetry}):
 * a shopper paying while the expiry job cancels the same order gets an answer, not a 500.
 */
@Component
class OrderSettlement {
  private final Orders orders;
  private final OrderStore store;
  private final Reservations reservations;
  private final StockReservation stock;
  private final Payments payments;
  private final OrderEvents events;
  private final TransactionTemplate writing;
  private final LockConflictRetry lockConflicts;
  private final Clock clock;

  OrderSettlement(Orders orders, OrderStore store, Reservations reservations, StockReservation stock,
      Payments payments, OrderEvents events, PlatformTransactionManager transactions, LockConflictRetry lockConflicts,
      Clock clock) {
    this.orders = orders;
    this.store = store;
    this.reservations = reservations;
    this.stock = stock;
    this.payments = payments;
    this.events = events;
    this.writing = new TransactionTemplate(transactions);
    this.lockConflicts = lockConflicts;
    this.clock = clock;
  }

  Order pay(long buyerId, long orderId, Optional<IdempotentRequests.Claim> claim) {
    // empty: the reservation was released first, so the order is cancelled, not paid
    Optional<Order> paid = lockConflicts.run(() -> store.writing().execute(s -> {
      Order order = orders.lock(buyerId, orderId).orElseThrow(() -> new OrderNotFound(orderId));
      Instant now = now();
      order.markPaid(now);
      State decided = writing.execute(t -> {
        claim.ifPresent(c -> c.claim(orderId));
        if (!reservations.move(orderId, State.PAID, now, State.PLACED)) {
          return reservations.state(orderId).orElseThrow();
        }
        // The method chosen at checkout; an order placed without one is paid the provider's own way.
        order.paymentMethod().ifPresentOrElse(
            method -> payments.collect(order.id(), order.buyerId(), order.total(), method),
            () -> payments.collect(order.id(), order.buyerId(), order.total()));
        events.publish(new Order.OrderPaid(order.id(), order.buyerId()));
        return State.PAID;
      });
      // The reservation decides; the order row follows it, repairing a step a crash cut short.
      if (decided == State.PAID) {
        orders.recordPaid(orderId, now);
        return Optional.of(order);
      }
      if (decided == State.RELEASED) {
        orders.recordCancelled(orderId, now);
      }
      return Optional.<Order>empty();
    }));
    return paid.orElseThrow(() -> new OrderNotPayable(OrderId.of(orderId), OrderStatus.CANCELLED));
  }

  Order cancel(long buyerId, long orderId) {
    Order order = lockConflicts.run(() -> store.writing().execute(s -> {
      Order locked = orders.lock(buyerId, orderId).orElseThrow(() -> new OrderNotFound(orderId));
      return locked.status() == OrderStatus.PENDING_PAYMENT ? cancelLocked(locked, now()) : locked;
    }));
    if (order.status() == OrderStatus.PAID) {
      throw new OrderNotCancellable(order.id(), order.status());
    }
    return order; // a repeated cancel changes nothing and returns no stock twice
  }

  /** Cancels the order if it is still unpaid past its deadline; answers whether it did. */
  boolean cancelOverdue(long orderId) {
    Instant now = now();
    return Boolean.TRUE.equals(lockConflicts.run(() -> store.writing().execute(s -> orders.lock(orderId)
        .filter(o -> o.status() == OrderStatus.PENDING_PAYMENT && !o.isPayableAt(now))
        .map(o -> cancelLocked(o, now).status() == OrderStatus.CANCELLED)
        .orElse(false))));
  }

  /**
   * Inside the order's store transaction, with its row locked: cancels it if the reservation
   * can still give the stock back, or records it paid if the money was collected already.
   */
  private Order cancelLocked(Order order, Instant now) {
    boolean paid = writing.execute(s -> {
      if (stock.giveBack(order.id().value())) {
        events.publish(new Order.OrderCancelled(order.id(), order.buyerId()));
        return false;
      }
      return reservations.state(order.id().value()).orElseThrow() == State.PAID;
    });
    if (paid) {
      orders.recordPaid(order.id().value(), now);
      return orders.find(order.buyerId().value(), order.id().value()).orElseThrow();
    }
    order.cancel(now);
    orders.recordCancelled(order.id().value(), now);
    return order;
  }

  private Instant now() {
    return UtcColumns.now(clock);
  }
}
