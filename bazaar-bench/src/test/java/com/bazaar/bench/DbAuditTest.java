package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database audit over fixture databases: one plain, and a layout sharded over two databases. */
class DbAuditTest {

  private final OrderLedger ledger = new OrderLedger();
  private final String trade = url();
  private final String shard1 = url();
  private Connection tradeDb;
  private Connection shard1Db;

  private static String url() {
    return "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
  }

  @BeforeEach
  void schema() throws SQLException {
    tradeDb = DriverManager.getConnection(trade);
    shard1Db = DriverManager.getConnection(shard1);
    sql(tradeDb, "CREATE TABLE stock (item_id BIGINT PRIMARY KEY, available BIGINT)");
    sql(tradeDb, "CREATE TABLE payments (id BIGINT PRIMARY KEY, order_id BIGINT, amount BIGINT)");
    for (Connection c : List.of(tradeDb, shard1Db)) {
      for (int t = 0; t < 2; t++) {
        sql(c, "CREATE TABLE orders_" + t + " (id BIGINT PRIMARY KEY, status VARCHAR(20), total_amount BIGINT)");
        sql(c, "CREATE TABLE order_lines_" + t + " (order_id BIGINT, line_no INT, quantity INT)");
      }
    }
    // a clean run: item 1 had 3 units, two live orders hold one each; item 2 had 5, its order was cancelled
    ledger.stockBefore("1", 3);
    ledger.stockBefore("2", 5);
    ledger.created("ann", "100", "1", 1);
    ledger.created("ben", "201", "1", 1);
    ledger.created("ann", "102", "2", 1);
    ledger.paid("ann", "100");
    sql(tradeDb, "INSERT INTO stock VALUES (1, 1), (2, 5)");
    sql(tradeDb, "INSERT INTO orders_0 VALUES (100, 'PAID', 1999), (102, 'CANCELLED', 500)");
    sql(tradeDb, "INSERT INTO order_lines_0 VALUES (100, 1, 1), (102, 1, 1)");
    sql(shard1Db, "INSERT INTO orders_1 VALUES (201, 'PENDING_PAYMENT', 1999)");
    sql(shard1Db, "INSERT INTO order_lines_1 VALUES (201, 1, 1)");
    sql(tradeDb, "INSERT INTO payments VALUES (9, 100, 1999)");
  }

  @AfterEach
  void close() throws SQLException {
    sql(tradeDb, "SHUTDOWN");
    sql(shard1Db, "SHUTDOWN");
  }

  private static void sql(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private DbAudit.Result audit() {
    return DbAudit.run(ledger, List.of(trade, shard1));
  }

  @Test
  void passesOverEveryShardOfACleanRun() {
    DbAudit.Result r = audit();
    assertThat(r.problems()).isEmpty();
    assertThat(r.passed()).isTrue();
    assertThat(r.ordersStoredOnce()).isEqualTo(3);
    assertThat(r.paidWithOnePayment()).isEqualTo(1);
    assertThat(r.tables()).contains("orders_0", "orders_1", "order_lines_1", "payments", "stock");
    assertThat(r.describe()).contains("database audit PASSED");
  }

  @Test
  void failsOnAnOversoldFixture() throws SQLException {
    sql(tradeDb, "UPDATE stock SET available = -1 WHERE item_id = 1");
    DbAudit.Result r = audit();
    assertThat(r.passed()).isFalse();
    assertThat(r.negativeStockRows()).isEqualTo(1);
    assertThat(r.problems()).contains("item 1 has negative stock -1",
        "item 1 had stock 3 and has -1, but the run's live orders hold 2");
  }

  @Test
  void failsWhenAnOrderIsStoredOnTwoShards() throws SQLException {
    sql(shard1Db, "INSERT INTO orders_0 VALUES (100, 'PAID', 1999)");
    assertThat(audit().problems()).containsExactly("order 100 is stored 2 times");
  }

  @Test
  void failsWhenAnOrderIsLostOrHasLostItsLines() throws SQLException {
    sql(shard1Db, "DELETE FROM orders_1");
    sql(tradeDb, "DELETE FROM order_lines_0 WHERE order_id = 102");
    assertThat(audit().problems()).containsExactlyInAnyOrder(
        "order 201 was created (201) but is not in any orders table",
        "order 102 holds 0 units in its lines, not 1",
        "item 1 had stock 3 and has 1, but the run's live orders hold 1");
  }

  @Test
  void failsWhenAPaymentIsTakenTwiceOrForAnUnpaidOrder() throws SQLException {
    sql(tradeDb, "INSERT INTO payments VALUES (10, 100, 1999), (11, 201, 1999)");
    assertThat(audit().problems()).containsExactlyInAnyOrder(
        "order 201 is PENDING_PAYMENT but has 1 payment(s)",
        "paid order 100 has 2 payment(s) of 3998 for a total of 1999");
  }

  @Test
  void saysSoWhenTheDatabasesHoldNoOrders() {
    DbAudit.Result r = DbAudit.run(ledger, List.of(url()));
    assertThat(r.passed()).isFalse();
    assertThat(r.problems()).anyMatch(p -> p.startsWith("no orders table in"));
  }

  @Test
  void neverPrintsAPassword() {
    assertThat(DbAudit.redact("jdbc:mariadb://h/db?user=root&password=secret&x=1"))
        .isEqualTo("jdbc:mariadb://h/db?user=root&password=***&x=1");
  }
}
