package com.bazaar.order.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.inventory.StockLine;
import com.bazaar.platform.id.ItemId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code order_reservations} table, beside the stock in the application database: one row
 * per order naming the stock it took. Each state change is a guarded update, and the stock
 * moves in the same local transaction as the change that decides it, so stock is taken once
 * and given back at most once, whatever the order shards do. See V3__order_reservations.sql.
 */
@Repository
class Reservations {
  enum State { HELD, PLACED, PAID, RELEASED }

  private final JdbcClient jdbc;

  Reservations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void hold(long orderId, long buyerId, List<StockLine> stock, Instant now) {
    jdbc.sql("""
            INSERT INTO order_reservations (order_id, buyer_id, state, stock, created_at, updated_at)
            VALUES (?, ?, 'HELD', ?, ?, ?)""")
        .params(orderId, buyerId, encode(stock), toColumn(now), toColumn(now))
        .update();
  }

  /** Answers whether this call moved the reservation from one of {@code from} to {@code to}. */
  boolean move(long orderId, State to, Instant now, State... from) {
    String expected = Arrays.stream(from).map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
    return jdbc.sql("UPDATE order_reservations SET state = ?, updated_at = ? WHERE order_id = ? AND state IN ("
                + expected + ")")
            .params(to.name(), toColumn(now), orderId)
            .update() == 1;
  }

  Optional<State> state(long orderId) {
    return jdbc.sql("SELECT state FROM order_reservations WHERE order_id = ?").param(orderId)
        .query(String.class).optional().map(State::valueOf);
  }

  List<StockLine> stock(long orderId) {
    return decode(jdbc.sql("SELECT stock FROM order_reservations WHERE order_id = ?").param(orderId)
        .query(String.class).single());
  }

  /** The stock of each of the buyer's reservations not yet sold or given back: their unpaid orders. */
  List<List<StockLine>> pendingOf(long buyerId) {
    return jdbc.sql("SELECT stock FROM order_reservations WHERE buyer_id = ? AND state IN ('HELD', 'PLACED')")
        .param(buyerId).query(String.class).list().stream().map(Reservations::decode).toList();
  }

  /** Reservations still HELD since before {@code cutoff}: their order may never have appeared. */
  List<Held> heldSince(Instant cutoff, int limit) {
    return jdbc.sql("SELECT order_id, buyer_id FROM order_reservations WHERE state = 'HELD' AND created_at < ? "
            + "ORDER BY created_at LIMIT ?")
        .params(toColumn(cutoff), limit)
        .query((rs, n) -> new Held(rs.getLong("order_id"), rs.getLong("buyer_id"))).list();
  }

  record Held(long orderId, long buyerId) {}

  private static String encode(List<StockLine> stock) {
    return stock.stream().map(l -> l.itemId().value() + ":" + l.quantity()).collect(Collectors.joining(","));
  }

  static List<StockLine> decode(String stock) {
    return Arrays.stream(stock.split(",")).map(part -> {
      String[] fields = part.split(":");
      return new StockLine(ItemId.of(Long.parseLong(fields[0])), Integer.parseInt(fields[1]));
    }).toList();
  }
}
