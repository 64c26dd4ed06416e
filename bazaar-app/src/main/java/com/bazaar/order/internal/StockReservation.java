package com.bazaar.order.internal;

import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.StockLine;
import com.bazaar.order.Order;
import com.bazaar.order.internal.Reservations.State;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stock an order holds, in the stock's own database, decided by the order's reservation row
 * ({@link Reservations}): taken when the order is priced, then placed, sold or given back, each
 * step a guarded move of that row in the same local transaction as the stock. So stock is taken
 * once and given back at most once, wherever the order rows live and whichever step a crash
 * interrupts.
 */
@Component
class StockReservation {
  private final Inventory inventory;
  private final Reservations reservations;
  private final Orders orders;
  private final OrderStore store;
  private final IdempotentRequests requests;
  private final OrderEvents events;
  private final TransactionTemplate writing;
  private final Clock clock;

  StockReservation(Inventory inventory, Reservations reservations, Orders orders, OrderStore store,
      IdempotentRequests requests, OrderEvents events, PlatformTransactionManager transactions, Clock clock) {
    this.inventory = inventory;
    this.reservations = reservations;
    this.orders = orders;
    this.store = store;
    this.requests = requests;
    this.events = events;
    this.writing = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Takes the order's stock and holds it (HELD) until the order row stands; in the stock's transaction. */
  void take(Order order) {
    inventory.reserve(linesOf(order));
    reservations.hold(order.id().value(), order.buyerId().value(), linesOf(order), UtcColumns.now(clock));
  }

  /** HELD → PLACED: the order row stands; answers whether this call moved it. */
  boolean markPlaced(long orderId) {
    return reservations.move(orderId, State.PLACED, UtcColumns.now(clock), State.HELD);
  }

  State state(long orderId) {
    return reservations.state(orderId).orElseThrow();
  }

  /** Returns the reservation's stock unless it was returned or sold already; answers whether it did. */
  boolean giveBack(long orderId) {
    if (!reservations.move(orderId, State.RELEASED, UtcColumns.now(clock), State.HELD, State.PLACED)) {
      return false;
    }
    inventory.release(reservations.stock(orderId));
    return true;
  }

  /**
   * Settles a reservation left HELD by a placement that never finished: the order is placed
   * if its row reached its store, and its stock goes back otherwise.
   */
  void settleHeld(long orderId, long buyerId) {
    boolean landed = Boolean.TRUE.equals(store.reading().execute(s -> orders.exists(orderId)));
    writing.executeWithoutResult(s -> {
      if (landed && markPlaced(orderId)) {
        events.publish(new Order.OrderPlaced(OrderId.of(orderId), UserId.of(buyerId)));
      } else if (!landed && giveBack(orderId)) {
        requests.releasePlaceKeys(orderId); // a retry with the same key places the order anew
      }
    });
  }

  static List<StockLine> linesOf(Order order) {
    return order.lines().stream().map(l -> new StockLine(l.itemId(), l.quantity())).toList();
  }
}
