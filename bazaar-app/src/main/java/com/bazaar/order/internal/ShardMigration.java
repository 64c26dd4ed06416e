package com.bazaar.order.internal;

import com.bazaar.platform.data.DataLayout;
import com.bazaar.platform.data.Schema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a single-database Bazaar (H2 file or MariaDB, the V1+ schema) into this node's layout:
 * orders and lines into the shards, every other table into the database of its domain (users
 * and catalog into their own databases when the node is split: wherever this node's {@link DataLayout}
 * keeps the table's module ({@link Schema}).
 *
 * <p>Old order ids do not carry their buyer's shard, so each order gets a new id: its old id
 * with the low bits set to the buyer's slot (OrderSlots), moved up by 8 while taken. The
 * plan depends on the source alone and is kept in {@code order_id_map}, so a rerun after a
 * crash makes the same choices: orders already copied are skipped, the other tables are
 * copied again whole (each in one transaction). References to orders (payments,
 * idempotency keys, reservations) are rewritten through the map. At the end every table is
 * compared, source against target, by row count and an order-independent checksum of its rows
 * (ids mapped); any difference fails the run.
 *
 * <p>Run with the node stopped: {@code bin/migrate} (docs/sharding.md).
 */
@Component
@ConditionalOnProperty(name = "bazaar.order.sharding.enabled", havingValue = "true")
class ShardMigration {
  /** The tables copied besides the orders', in this order; where each goes is the layout's. */
  static final List<String> COPIED = List.of(
      "users", "categories", "items", "stock", "cart_lines", "idempotency_keys", "payments", "order_reservations");
  private static final int BATCH = 500;
  private static final Logger log = LoggerFactory.getLogger(ShardMigration.class);

  private final OrderStore shards;
  private final JdbcClient app;
  private final TransactionTemplate appTransactions;
  private final DataLayout layout;

  ShardMigration(
      OrderStore shards, DataSource appDataSource, PlatformTransactionManager transactions, DataLayout layout) {
    this.shards = shards;
    this.app = JdbcClient.create(appDataSource);
    this.appTransactions = new TransactionTemplate(transactions);
    this.layout = layout;
  }

  /** Where a table goes: its domain's own database when the target is split, else the main one. */
  private record Target(JdbcClient jdbc, Consumer<Runnable> inTransaction) {}

  private Target targetOf(String table) {
    return layout.ownDatabaseOf(Schema.partOf(table).orElseThrow().module())
        .map(database -> new Target(database.jdbc(), work -> database.inTransaction(() -> {
          work.run();
          return null;
        })))
        .orElseGet(() -> new Target(app, work -> appTransactions.executeWithoutResult(s -> work.run())));
  }

  /** Source connection settings. */
  record Source(String url, String username, String password) {}

  /** One table's figures after the run. */
  record Check(String table, long sourceRows, long targetRows, long sourceChecksum, long targetChecksum) {
    boolean matches() {
      return sourceRows == targetRows && sourceChecksum == targetChecksum;
    }
  }

  List<Check> migrate(Source source) throws SQLException {
    try (Connection from = DriverManager.getConnection(source.url(), source.username(), source.password())) {
      Map<Long, Long> ids = plan(from);
      copyOrders(from, ids);
      for (String table : COPIED) {
        if (exists(from, table)) {
          copyTable(from, table, mapping(table, ids));
        }
      }
      backfillReservations(from, ids);
      List<Check> checks = verify(from, ids);
      checks.forEach(c -> log.info("migrate: verify {} rows {}/{} checksum {} / {} {}", c.table(), c.sourceRows(),
          c.targetRows(), Long.toHexString(c.sourceChecksum()), Long.toHexString(c.targetChecksum()),
          c.matches() ? "OK" : "MISMATCH"));
      return checks;
    }
  }

  /** Old order id → new order id, computed from the source and kept in order_id_map (V12). */
  private Map<Long, Long> plan(Connection from) throws SQLException {
    Map<Long, Long> ids = new LinkedHashMap<>();
    Set<Long> taken = new HashSet<>();
    try (PreparedStatement query = from.prepareStatement("SELECT id, buyer_id FROM orders ORDER BY id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        long oldId = rows.getLong(1);
        long newId = (oldId & ~OrderSlots.GENE_MASK) | OrderSlots.ofBuyer(rows.getLong(2));
        while (!taken.add(newId)) {
          newId += OrderSlots.SLOTS;
        }
        ids.put(oldId, newId);
      }
    }
    Set<Long> planned = new HashSet<>(app.sql("SELECT old_id FROM order_id_map").query(Long.class).list());
    appTransactions.executeWithoutResult(s -> ids.forEach((oldId, newId) -> {
      if (!planned.contains(oldId)) {
        app.sql("INSERT INTO order_id_map (old_id, new_id) VALUES (?, ?)").params(oldId, newId).update();
      }
    }));
    log.info("migrate: {} orders planned ({} from an earlier run)", ids.size(), planned.size());
    return ids;
  }

  private void copyOrders(Connection from, Map<Long, Long> ids) throws SQLException {
    long copied = 0;
    long skipped = 0;
    List<Long> oldIds = new ArrayList<>(ids.keySet());
    for (int start = 0; start < oldIds.size(); start += BATCH) {
      List<Long> batch = oldIds.subList(start, Math.min(start + BATCH, oldIds.size()));
      List<Map<String, Object>> orders = rows(from, "orders", "id", batch);
      List<Map<String, Object>> lines = rows(from, "order_lines", "order_id", batch);
      for (Map<String, Object> order : orders) {
        long oldId = idColumn(order, "id");
        long newId = planned(ids, oldId);
        if (Boolean.TRUE.equals(shards.reading().execute(s ->
            shards.jdbc().sql("SELECT COUNT(*) FROM orders WHERE id = ?").param(newId).query(Long.class).single() > 0))) {
          skipped++;
          continue;
        }
        shards.writing().executeWithoutResult(s -> {
          insert(shards.jdbc(), "orders", withValue(order, "id", newId));
          lines.stream().filter(l -> idColumn(l, "order_id") == oldId)
              .forEach(l -> insert(shards.jdbc(), "order_lines", withValue(l, "order_id", newId)));
        });
        copied++;
      }
      log.info("migrate: orders {}/{} (copied {}, already there {})", start + batch.size(), oldIds.size(), copied,
          skipped);
    }
  }

  /** Copies the whole table again, in one transaction: a rerun leaves exactly the source's rows. */
  private void copyTable(Connection from, String table, UnaryOperator<Map<String, Object>> mapping)
      throws SQLException {
    List<Map<String, Object>> rows = rows(from, table, null, List.of());
    Target target = targetOf(table);
    target.inTransaction().accept(() -> {
      target.jdbc().sql("DELETE FROM " + table).update();
      rows.forEach(row -> insert(target.jdbc(), table, mapping.apply(row)));
    });
    log.info("migrate: {} {} rows", table, rows.size());
  }

  /** Sources older than V3 have no reservation rows: derive them as V3 does. */
  private void backfillReservations(Connection from, Map<Long, Long> ids) throws SQLException {
    if (exists(from, "order_reservations")) {
      return;
    }
    List<Map<String, Object>> orders = rows(from, "orders", null, List.of());
    List<Map<String, Object>> lines = rows(from, "order_lines", null, List.of());
    Map<Long, List<String>> stock = new LinkedHashMap<>();
    lines.forEach(l -> stock.computeIfAbsent(idColumn(l, "order_id"), k -> new ArrayList<>())
        .add(l.get("item_id") + ":" + l.get("quantity")));
    appTransactions.executeWithoutResult(s -> {
      app.sql("DELETE FROM order_reservations").update();
      for (Map<String, Object> order : orders) {
        long oldId = idColumn(order, "id");
        String state = switch (String.valueOf(column(order, "status"))) {
          case "PENDING_PAYMENT" -> "PLACED";
          case "PAID" -> "PAID";
          default -> "RELEASED";
        };
        app.sql("""
                INSERT INTO order_reservations (order_id, buyer_id, state, stock, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
            .params(planned(ids, oldId), column(order, "buyer_id"), state,
                String.join(",", stock.getOrDefault(oldId, List.of())),
                column(order, "created_at"), column(order, "created_at"))
            .update();
      }
    });
    log.info("migrate: order_reservations derived for {} orders", orders.size());
  }

  private List<Check> verify(Connection from, Map<Long, Long> ids) throws SQLException {
    List<Check> checks = new ArrayList<>();
    checks.add(check("orders", mapAll(rows(from, "orders", null, List.of()), "id", ids),
        shards.reading().execute(s -> shards.jdbc().sql("SELECT * FROM orders").query().listOfRows())));
    checks.add(check("order_lines", mapAll(rows(from, "order_lines", null, List.of()), "order_id", ids),
        shards.reading().execute(s -> shards.jdbc().sql("SELECT * FROM order_lines").query().listOfRows())));
    for (String table : COPIED) {
      if (exists(from, table)) {
        UnaryOperator<Map<String, Object>> mapping = mapping(table, ids);
        checks.add(check(table, rows(from, table, null, List.of()).stream().map(mapping).toList(),
            targetOf(table).jdbc().sql("SELECT * FROM " + table).query().listOfRows()));
      }
    }
    return checks;
  }

  private static Check check(String table, List<Map<String, Object>> source, List<Map<String, Object>> target) {
    return new Check(table, source.size(), target.size(), checksum(source), checksum(target));
  }

  /** The sum of every row's CRC32 over its columns in name order: independent of row order and database. */
  private static long checksum(List<Map<String, Object>> rows) {
    long sum = 0;
    for (Map<String, Object> row : rows) {
      CRC32 crc = new CRC32();
      row.entrySet().stream().sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER)).forEach(e ->
          crc.update((e.getKey().toLowerCase() + "=" + canonical(e.getValue()) + ";").getBytes(
              java.nio.charset.StandardCharsets.UTF_8)));
      sum += crc.getValue();
    }
    return sum;
  }

  private static String canonical(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime().toString();
    }
    if (value instanceof LocalDateTime t) {
      return t.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number n) {
      return Long.toString(n.longValue());
    }
    return value.toString().stripTrailing();
  }

  /** How a table's rows change on the way: columns that hold an order id follow the id map. */
  private static UnaryOperator<Map<String, Object>> mapping(String table, Map<Long, Long> ids) {
    return switch (table) {
      case "payments", "order_reservations" -> row -> mapped(row, "order_id", ids);
      case "idempotency_keys" -> row -> IdempotentRequests.PLACE_SCOPE.equals(row.get("scope"))
          || IdempotentRequests.PAY_SCOPE.equals(row.get("scope")) ? mapped(row, "resource_id", ids) : row;
      default -> UnaryOperator.identity();
    };
  }

  private static List<Map<String, Object>> mapAll(List<Map<String, Object>> rows, String column, Map<Long, Long> ids) {
    return rows.stream().map(row -> mapped(row, column, ids)).toList();
  }

  private static Map<String, Object> mapped(Map<String, Object> row, String column, Map<Long, Long> ids) {
    Long newId = ids.get(idColumn(row, column));
    return newId == null ? row : withValue(row, column, newId);
  }

  /** A NOT NULL column of a copied row. */
  private static Object column(Map<String, Object> row, String column) {
    Object value = row.get(column);
    if (value == null) {
      throw new IllegalStateException(column + " is NULL in " + row);
    }
    return value;
  }

  private static long idColumn(Map<String, Object> row, String column) {
    if (column(row, column) instanceof Number id) {
      return id.longValue();
    }
    throw new IllegalStateException(column + " is not a number in " + row);
  }

  /** The order's id on the shards: the plan covers every order of the source. */
  private static long planned(Map<Long, Long> ids, long oldId) {
    Long newId = ids.get(oldId);
    if (newId == null) {
      throw new IllegalStateException("order " + oldId + " is not in the plan");
    }
    return newId;
  }

  private static Map<String, Object> withValue(Map<String, Object> row, String column, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(row);
    copy.put(column, value);
    return copy;
  }

  private static void insert(JdbcClient jdbc, String table, Map<String, Object> row) {
    String columns = String.join(", ", row.keySet());
    String marks = String.join(", ", row.keySet().stream().map(c -> "?").toList());
    jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")
        .params(new ArrayList<>(row.values()))
        .update();
  }

  /** The table's rows as column → value (lower-case names), all or those whose column is in keys. */
  private static List<Map<String, Object>> rows(
      Connection from, String table, @Nullable String keyColumn, List<Long> keys)
      throws SQLException {
    String where = keyColumn == null ? "" : " WHERE " + keyColumn + " IN ("
        + String.join(",", keys.stream().map(String::valueOf).toList()) + ")";
    if (keyColumn != null && keys.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement query = from.prepareStatement("SELECT * FROM " + table + where);
        ResultSet result = query.executeQuery()) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i).toLowerCase(), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static boolean exists(Connection from, String table) throws SQLException {
    try (ResultSet tables = from.getMetaData().getTables(from.getCatalog(), null, table, new String[] {"TABLE"})) {
      return tables.next();
    }
  }
}
