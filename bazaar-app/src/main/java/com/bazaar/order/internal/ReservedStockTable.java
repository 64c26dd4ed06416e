package com.bazaar.order.internal;

import com.bazaar.inventory.StockLine;
import com.bazaar.order.ReservedStock;
import com.bazaar.platform.id.ItemId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link ReservedStock} summed over the {@code order_reservations} rows (see {@link Reservations}). */
@Component
class ReservedStockTable implements ReservedStock {
  private final JdbcClient jdbc;

  ReservedStockTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Streams the rows rather than listing them: every paid order ever has one. */
  @Override
  public Map<ItemId, Units> byItem() {
    Map<Long, long[]> units = new TreeMap<>();
    jdbc.sql("SELECT state, stock FROM order_reservations WHERE state IN ('HELD', 'PLACED', 'PAID')").query(rs -> {
      int slot = "PAID".equals(rs.getString("state")) ? 1 : 0;
      for (StockLine line : Reservations.decode(rs.getString("stock"))) {
        units.computeIfAbsent(line.itemId().value(), id -> new long[2])[slot] += line.quantity();
      }
    });
    Map<ItemId, Units> byItem = new LinkedHashMap<>(); // in item id order, as the TreeMap gives them
    units.forEach((item, heldAndSold) -> byItem.put(ItemId.of(item), new Units(heldAndSold[0], heldAndSold[1])));
    return byItem;
  }
}
