package com.bazaar.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The same invariants as {@link Audit}, read from the deployment's own tables instead of the API:
 * each order the run created is stored exactly once (over every {@code orders} or
 * {@code orders_N} table of every database given, so a split or sharded layout is audited as
 * it is), holds its lines, a paid order has exactly one payment of its total and an unpaid one
 * none, no stock row is negative and every unit that left the shelf is held by a live order.
 */
public final class DbAudit {

  private static final Pattern ORDERS = Pattern.compile("orders(_\\d+)?");
  private static final Pattern ORDER_LINES = Pattern.compile("order_lines(_\\d+)?");
  private static final int BATCH = 500;

  public record Result(
      boolean passed, List<String> tables, int ordersCreated, int ordersStoredOnce, int ordersPaid,
      int paidWithOnePayment, int stockRows, int negativeStockRows, int itemsMiscounted, List<String> problems) {

    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("passed", passed);
      m.put("tables", tables);
      m.put("ordersCreated", ordersCreated);
      m.put("ordersStoredOnce", ordersStoredOnce);
      m.put("ordersPaid", ordersPaid);
      m.put("paidWithOnePayment", paidWithOnePayment);
      m.put("stockRows", stockRows);
      m.put("negativeStockRows", negativeStockRows);
      m.put("itemsWithUnaccountedStock", itemsMiscounted);
      m.put("problems", problems);
      return m;
    }

    public String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append("database audit ").append(passed ? "PASSED" : "FAILED").append(" over ").append(tables).append('\n');
      sb.append(String.format("  orders created: %d, stored exactly once with their lines: %d%n", ordersCreated, ordersStoredOnce));
      sb.append(String.format("  orders paid:    %d, with exactly one payment of the total: %d%n", ordersPaid, paidWithOnePayment));
      sb.append(String.format("  stock rows:     %d, negative: %d, items with unaccounted stock: %d%n",
          stockRows, negativeStockRows, itemsMiscounted));
      Problems.describe(problems, sb);
      return sb.toString();
    }
  }

  /** A stored order as the tables hold it. */
  private record Stored(String status, long total, int copies, long units, int payments, long paidAmount) {}

  private DbAudit() {}

  /** Audits the run against the given JDBC URLs (credentials in the URL, e.g. {@code ?user=root&password=}). */
  public static Result run(OrderLedger ledger, List<String> jdbcUrls) {
    List<String> problems = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    Map<Long, Stored> stored = new HashMap<>();
    Map<String, Long> stock = new HashMap<>();
    Map<Long, OrderLedger.Placed> created = new LinkedHashMap<>();
    for (OrderLedger.Placed p : ledger.created()) {
      created.putIfAbsent(Long.parseLong(p.orderId()), p);
    }
    for (String url : jdbcUrls) {
      try (Connection c = DriverManager.getConnection(url)) {
        c.setReadOnly(true);
        for (String table : tables(c)) {
          String name = table.toLowerCase(Locale.ROOT);
          if (ORDERS.matcher(name).matches()) {
            tables.add(name);
            readOrders(c, table, created.keySet(), stored);
          } else if (ORDER_LINES.matcher(name).matches()) {
            tables.add(name);
            readLines(c, table, created.keySet(), stored);
          } else if (name.equals("payments")) {
            tables.add(name);
            readPayments(c, table, created.keySet(), stored);
          } else if (name.equals("stock")) {
            tables.add(name);
            readStock(c, table, stock);
          }
        }
      } catch (SQLException e) {
        problems.add("could not read " + redact(url) + ": " + e.getMessage());
      }
    }
    if (tables.stream().noneMatch(t -> ORDERS.matcher(t).matches())) {
      problems.add("no orders table in " + jdbcUrls.stream().map(DbAudit::redact).toList());
    }

    int storedOnce = 0;
    Map<String, Long> heldByLiveOrders = new HashMap<>();
    for (Map.Entry<Long, OrderLedger.Placed> e : created.entrySet()) {
      Stored s = stored.get(e.getKey());
      OrderLedger.Placed p = e.getValue();
      if (s == null || s.copies() == 0) {
        problems.add("order " + p.orderId() + " was created (201) but is not in any orders table");
        continue;
      }
      if (s.copies() > 1) {
        problems.add("order " + p.orderId() + " is stored " + s.copies() + " times");
      } else if (s.units() != p.quantity()) {
        problems.add("order " + p.orderId() + " holds " + s.units() + " units in its lines, not " + p.quantity());
      } else {
        storedOnce++;
      }
      if (!"CANCELLED".equals(s.status())) {
        heldByLiveOrders.merge(p.itemId(), (long) p.quantity(), Long::sum);
      }
      if (!"PAID".equals(s.status()) && s.payments() > 0) {
        problems.add("order " + p.orderId() + " is " + s.status() + " but has " + s.payments() + " payment(s)");
      }
    }
    List<OrderLedger.Placed> paid = ledger.paid();
    int onePayment = 0;
    for (OrderLedger.Placed p : paid) {
      Stored s = stored.get(Long.parseLong(p.orderId()));
      if (s == null || !"PAID".equals(s.status())) {
        problems.add("order " + p.orderId() + " was paid (200) but is " + (s == null ? "gone" : s.status()));
      } else if (s.payments() != 1 || s.paidAmount() != s.total()) {
        problems.add("paid order " + p.orderId() + " has " + s.payments() + " payment(s) of " + s.paidAmount()
            + " for a total of " + s.total());
      } else {
        onePayment++;
      }
    }
    int negative = 0;
    for (Map.Entry<String, Long> e : stock.entrySet()) {
      if (e.getValue() < 0) {
        negative++;
        problems.add("item " + e.getKey() + " has negative stock " + e.getValue());
      }
    }
    int miscounted = 0;
    if (!stock.isEmpty()) {
      for (Map.Entry<String, Long> e : ledger.stockBefore().entrySet()) {
        Long after = stock.get(e.getKey());
        long held = heldByLiveOrders.getOrDefault(e.getKey(), 0L);
        if (after != null && e.getValue() - after != held) {
          miscounted++;
          problems.add("item " + e.getKey() + " had stock " + e.getValue() + " and has " + after
              + ", but the run's live orders hold " + held);
        }
      }
    }
    return new Result(problems.isEmpty(), List.copyOf(tables), created.size(), storedOnce, paid.size(), onePayment,
        stock.size(), negative, miscounted, List.copyOf(problems));
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    DatabaseMetaData meta = c.getMetaData();
    try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  private static void readOrders(Connection c, String table, Collection<Long> ids, Map<Long, Stored> stored)
      throws SQLException {
    forBatches(c, "SELECT id, status, total_amount FROM " + table + " WHERE id IN ", ids, rs -> {
      long id = rs.getLong(1);
      Stored s = stored.get(id);
      stored.put(id, s == null
          ? new Stored(rs.getString(2), rs.getLong(3), 1, 0, 0, 0)
          : new Stored(rs.getString(2), rs.getLong(3), s.copies() + 1, s.units(), s.payments(), s.paidAmount()));
    });
  }

  private static void readLines(Connection c, String table, Collection<Long> ids, Map<Long, Stored> stored)
      throws SQLException {
    forBatches(c, "SELECT order_id, SUM(quantity) FROM " + table + " WHERE order_id IN ", ids, " GROUP BY order_id",
        rs -> {
          long units = rs.getLong(2);
          stored.compute(rs.getLong(1), (id, s) -> s == null
              ? new Stored(null, 0, 0, units, 0, 0)
              : new Stored(s.status(), s.total(), s.copies(), s.units() + units, s.payments(), s.paidAmount()));
        });
  }

  private static void readPayments(Connection c, String table, Collection<Long> ids, Map<Long, Stored> stored)
      throws SQLException {
    forBatches(c, "SELECT order_id, COUNT(*), SUM(amount) FROM " + table + " WHERE order_id IN ", ids,
        " GROUP BY order_id",
        rs -> {
          int payments = rs.getInt(2);
          long amount = rs.getLong(3);
          stored.compute(rs.getLong(1), (id, s) -> s == null
              ? new Stored(null, 0, 0, 0, payments, amount)
              : new Stored(s.status(), s.total(), s.copies(), s.units(), s.payments() + payments, s.paidAmount() + amount));
        });
  }

  private static void readStock(Connection c, String table, Map<String, Long> stock) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT item_id, available FROM " + table);
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        stock.put(Long.toString(rs.getLong(1)), rs.getLong(2));
      }
    }
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static void forBatches(Connection c, String select, Collection<Long> ids, RowReader reader) throws SQLException {
    forBatches(c, select, ids, "", reader);
  }

  private static void forBatches(Connection c, String select, Collection<Long> ids, String tail, RowReader reader)
      throws SQLException {
    List<Long> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<Long> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      String sql = select + "(" + String.join(",", Collections.nCopies(batch.size(), "?")) + ")" + tail;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < batch.size(); i++) {
          ps.setLong(i + 1, batch.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            reader.read(rs);
          }
        }
      }
    }
  }

  /** A URL as printed: without its password. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
