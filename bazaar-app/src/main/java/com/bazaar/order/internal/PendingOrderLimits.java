package com.bazaar.order.internal;

import com.bazaar.inventory.StockLine;
import com.bazaar.order.OrderLimitReached;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
  /** How many buyers' guard rows a node remembers having seen. */
  static final int REMEMBERED_GUARDS = 100_000;

  private final JdbcClient jdbc;
  private final Reservations reservations;
  private final OrderLimits limits;
  /**
   * Buyers whose guard row this node has seen. Nothing deletes a guard row, so a buyer's second
   * and later orders skip {@link #prepare}'s look-up: one query and one pool connection fewer
   * per order (docs/benchmarks.md, Fast paths).
   */
  private final Cache<Long, Boolean> guarded = Caffeine.newBuilder().maximumSize(REMEMBERED_GUARDS).build();

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
    if (guarded.getIfPresent(buyerId) != null) {
      return;
    }
    if (jdbc.sql("SELECT COUNT(*) FROM order_buyer_guards WHERE buyer_id = ?").param(buyerId)
        .query(Long.class).single() == 0) {
      try {
        jdbc.sql("INSERT INTO order_buyer_guards (buyer_id) VALUES (?)").param(buyerId).update();
      } catch (DuplicateKeyException raced) {
        // another placement of this buyer created it: the row is what we need
      }
    }
    guarded.put(buyerId, Boolean.TRUE);
  }

  /**
   * The placement transaction's first statement: waits for the buyer's other placements to
   * commit. It must come before any plain read, because InnoDB's repeatable read fixes the
   * transaction's snapshot at its first plain read; read before the lock, the count in {@link
   * #admit} would miss the orders committed while this one waited (a locking read of the
   * reservations instead would take gap locks that deadlock with other buyers' stock updates).
   */
  void lock(long buyerId) {
    boolean found = !jdbc.sql("SELECT buyer_id FROM order_buyer_guards WHERE buyer_id = ? FOR UPDATE").param(buyerId)
        .query(Long.class).list().isEmpty();
    if (!found) {
      // Remembered but gone (the database was replaced under a running node): the insert locks
      // the new row as well; racing another first order it deadlocks at worst, and the placement runs again.
      guarded.invalidate(buyerId);
      jdbc.sql("INSERT INTO order_buyer_guards (buyer_id) VALUES (?)").param(buyerId).update();
    }
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
