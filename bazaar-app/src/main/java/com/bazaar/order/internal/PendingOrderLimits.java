package com.bazaar.order.internal;

import com.bazaar.inventory.StockLine;
import com.bazaar.order.OrderLimitReached;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each buyer within {@link OrderLimits}' unpaid orders and units. What a buyer holds is
 * read from the stock {@link Reservations} (HELD or PLACED: taken and not yet sold or given back),
 * which live beside the stock in the application database whatever the order layout. Placing
 * locks the buyer's row of {@code order_buyer_guards} first, in the same transaction that takes
 * the stock, so a buyer's concurrent placements, on any node, are counted one after another and
 * cannot together pass a limit.
 */
@Component
class PendingOrderLimits {
  private final JdbcClient jdbc;
  private final Reservations reservations;
  private final OrderLimits limits;

  PendingOrderLimits(JdbcClient jdbc, Reservations reservations, OrderLimits limits) {
    this.jdbc = jdbc;
    this.reservations = reservations;
    this.limits = limits;
  }

  /**
   * Creates the buyer's guard row if missing, committed on its own before the placement's
   * transaction: inserting it inside would let two first orders both wait on the other's
   * insert and then deadlock upgrading their locks.
   */
  void prepare(long buyerId) {
    if (jdbc.sql("SELECT COUNT(*) FROM order_buyer_guards WHERE buyer_id = ?").param(buyerId)
        .query(Long.class).single() > 0) {
      return;
    }
    try {
      jdbc.sql("INSERT INTO order_buyer_guards (buyer_id) VALUES (?)").param(buyerId).update();
    } catch (DuplicateKeyException raced) {
      // another placement of this buyer created it: the row is what we need
    }
  }

  /**
   * The placement transaction's first statement: waits for the buyer's other placements to
   * commit. It must come before any plain read, because InnoDB's repeatable read fixes the
   * transaction's snapshot at its first plain read; read before the lock, the count in {@link
   * #admit} would miss the orders committed while this one waited (a locking read of the
   * reservations instead would take gap locks that deadlock with other buyers' stock updates).
   */
  void lock(long buyerId) {
    jdbc.sql("SELECT buyer_id FROM order_buyer_guards WHERE buyer_id = ? FOR UPDATE").param(buyerId)
        .query(Long.class).single();
  }

  /** After {@link #lock} in the placement's transaction, before the stock is taken. */
  void admit(long buyerId, List<StockLine> wanted) {
    List<List<StockLine>> pending = reservations.pendingOf(buyerId);
    if (pending.size() >= limits.maxPendingOrders()) {
      throw new OrderLimitReached("refusal.order.pendingOrders", pending.size());
    }
    long held = pending.stream().mapToLong(PendingOrderLimits::units).sum();
    long more = wanted.stream().mapToLong(StockLine::quantity).sum();
    if (held + more > limits.maxReservedUnits()) {
      throw new OrderLimitReached("refusal.order.reservedUnits", held, more, limits.maxReservedUnits());
    }
  }

  private static long units(List<StockLine> stock) {
    return stock.stream().mapToLong(StockLine::quantity).sum();
  }
}
