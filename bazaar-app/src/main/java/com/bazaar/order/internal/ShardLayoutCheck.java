package com.bazaar.order.internal;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses shards whose orders were placed under another slot rule. Before {@link OrderSlots}
 * hashed the buyer id, a buyer's slot was {@code buyer_id mod 8}; read with today's rule, a
 * buyer's list, count and pay/cancel look in another table and miss those orders. A node
 * should not start on such shards (they must be migrated, docs/sharding.md), so this looks at
 * up to {@link #SAMPLE} rows of each physical table: an order whose id carries a slot other
 * than its buyer's was written by the old rule.
 */
final class ShardLayoutCheck {
  static final int SAMPLE = 1_000;

  private ShardLayoutCheck() {}

  static void requireCurrentSlots(DataSource shard, String name, int tables) {
    JdbcClient jdbc = JdbcClient.create(shard);
    for (int i = 0; i < tables; i++) {
      String table = "orders_" + i;
      List<long[]> misplaced = jdbc.sql("SELECT id, buyer_id FROM " + table + " LIMIT " + SAMPLE)
          .query((row, n) -> new long[] {row.getLong(1), row.getLong(2)}).list().stream()
          .filter(order -> OrderSlots.ofOrder(order[0]) != OrderSlots.ofBuyer(order[1]))
          .toList();
      if (!misplaced.isEmpty()) {
        throw new OrdersInAnOldSlotLayout(name + "." + table, misplaced.size(), misplaced.get(0));
      }
    }
  }

  /** The shard holds orders that today's slot rule would look for elsewhere. */
  static final class OrdersInAnOldSlotLayout extends IllegalStateException {
    OrdersInAnOldSlotLayout(String table, int count, long[] first) {
      super(table + " holds orders written under an older slot rule (" + count + " in a sample of " + SAMPLE
          + ", e.g. order " + first[0] + " of buyer " + first[1] + " carries slot " + OrderSlots.ofOrder(first[0])
          + ", its buyer's slot is " + OrderSlots.ofBuyer(first[1]) + "); migrate the order shards as "
          + "docs/sharding.md \"Shards from before the hashed slot rule\" describes");
    }
  }
}
