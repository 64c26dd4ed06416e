package com.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.StockLine;
import com.bazaar.order.Order;
import com.bazaar.order.OrderLine;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.RealEngines;
import com.bazaar.support.ShardDatabases;
import com.bazaar.support.TestItems;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stage 9 against real MariaDB shards: where rows physically land, which tables a statement
 * reaches (ShardingSphere's sql-show log of the statements it actually ran), paging over all
 * shards, and the failure paths of placing an order across two databases.
 */
@RealEngines
@ActiveProfiles({"test", "mariadb", "sharding"})
@DirtiesContext
class ShardedOrdersTest extends ApiTest {
  private static final int SPREAD_BUYERS = 24;
  private static final Pattern PHYSICAL_TABLE = Pattern.compile("\\b(orders|order_lines)_(\\d)\\b");

  @Autowired TestItems items;
  @Autowired ShardDatabases shards;
  @Autowired Reservations reservations;
  @Autowired ReservationRecovery recovery;
  @Autowired Inventory inventory;
  @Autowired Orders orders;
  @Autowired OrderIdGenerator orderIds;
  @Autowired TransactionTemplate transactions;

  @DynamicPropertySource
  static void shards(DynamicPropertyRegistry registry) {
    ShardDatabases.register(registry);
    registry.add("bazaar.order.sharding.sql-show", () -> "true");
    // The test runs the recovery sweep itself, and every HELD reservation counts as stalled.
    registry.add("bazaar.order.sharding.recovery-interval", () -> "1h");
    registry.add("bazaar.order.sharding.reservation-timeout", () -> "0s");
  }

  @Test
  void aBuyersOrdersAndTheirLinesAllLiveInTheOneTableTheirIdsName() throws SQLException {
    long item = items.create("one shard", 100, 100);
    ApiClient shopper = newShopper();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(Long.parseLong(shopper.post("/api/orders", lines(item, 1)).json().get("id").asString()));
    }

    int slot = OrderSlots.ofOrder(ids.get(0));
    assertThat(ids).allSatisfy(id -> assertThat(OrderSlots.ofOrder(id)).isEqualTo(slot));
    for (int shard = 0; shard < ShardDatabases.COUNT; shard++) {
      for (int table = 0; table < 4; table++) {
        boolean home = shard == slot / 4 && table == slot % 4;
        assertThat(countIn(shard, "orders_" + table, "id", ids)).as("orders in ds_%d.orders_%d", shard, table)
            .isEqualTo(home ? 4 : 0);
        assertThat(countIn(shard, "order_lines_" + table, "order_id", ids)).as("lines in ds_%d.order_lines_%d", shard, table)
            .isEqualTo(home ? 4 : 0);
      }
    }
  }

  /**
   * Buyers who register one at a time get Snowflake ids with sequence 0; their orders must still
   * reach both databases. With a fair slot hash all {@value #SPREAD_BUYERS} land in one database
   * with probability 2 × 2^-24 ≈ 1e-7; with the old {@code buyer_id mod 8} every one did.
   */
  @Test
  void buyersRegisteredOneAtATimeSpreadOverBothDatabasesEachInTheTableOfItsSlot() throws SQLException {
    long item = items.create("spread", 100, 1000);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < SPREAD_BUYERS; i++) {
      ids.add(Long.parseLong(newShopper().post("/api/orders", lines(item, 1)).json().get("id").asString()));
    }

    int[] perDatabase = new int[ShardDatabases.COUNT];
    List<Long> found = new ArrayList<>();
    for (int shard = 0; shard < ShardDatabases.COUNT; shard++) {
      for (int table = 0; table < 4; table++) {
        for (long[] row : idAndBuyerIn(shard, "orders_" + table, ids)) {
          assertThat(shard * 4 + table).as("order %d of buyer %d", row[0], row[1])
              .isEqualTo(OrderSlots.ofBuyer(row[1])).isEqualTo(OrderSlots.ofOrder(row[0]));
          perDatabase[shard]++;
          found.add(row[0]);
        }
      }
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(perDatabase).as("orders per database").doesNotContain(0);
  }

  @Test
  void anOrderIdAloneIsReadFromOneTableWithoutBroadcast() {
    long item = items.create("routed", 100, 10);
    ApiClient shopper = newShopper();
    String id = shopper.post("/api/orders", lines(item, 1)).json().get("id").asString();
    int slot = OrderSlots.ofOrder(Long.parseLong(id));

    List<String> executed = actualSql(() -> assertThat(shopper.get("/api/orders/" + id).status()).isEqualTo(200));

    assertThat(executed).as("the order and its lines, one statement each").hasSize(2);
    assertThat(executed).allSatisfy(sql -> {
      assertThat(sql).startsWith("ds_" + slot / 4 + " ::: ");
      Matcher tables = PHYSICAL_TABLE.matcher(sql);
      while (tables.find()) {
        assertThat(Integer.parseInt(tables.group(2))).as(sql).isEqualTo(slot % 4);
      }
    });
  }

  @Test
  void theAdminListPagesOverEveryShardNewestFirstWithoutGapsOrRepeats() {
    long item = items.create("many buyers", 100, 1000);
    Set<String> placed = new HashSet<>();
    for (int buyer = 0; buyer < 8; buyer++) {
      ApiClient shopper = newShopper();
      for (int i = 0; i < 2; i++) {
        placed.add(shopper.post("/api/orders", lines(item, 1)).json().get("id").asString());
      }
    }
    ApiClient admin = admin();

    List<Long> listed = new ArrayList<>();
    long total = admin.get("/api/admin/orders?size=7").json().get("totalElements").asLong();
    for (int page = 0; page * 7 < total; page++) {
      admin.get("/api/admin/orders?size=7&page=" + page).json().get("content")
          .forEach(order -> listed.add(Long.parseLong(order.get("id").asString())));
    }

    assertThat(listed).hasSize((int) total).doesNotHaveDuplicates();
    assertThat(listed).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(listed).map(String::valueOf).containsAll(placed);
    assertThat(newShopper().get("/api/admin/orders").status()).isEqualTo(403);
  }

  @Test
  void anOrderItsShardCannotStoreGivesItsStockAndKeyBack() throws SQLException {
    long item = items.create("shard down", 100, 10);
    ApiClient shopper = newShopper();
    long first = Long.parseLong(shopper.post("/api/orders", lines(item, 1)).json().get("id").asString());
    int slot = OrderSlots.ofOrder(first);

    Answer failed;
    rename(slot, "orders_" + slot % 4, "orders_" + slot % 4 + "_away");
    try {
      failed = shopper.post("/api/orders", lines(item, 3), key("while-down"));
    } finally {
      rename(slot, "orders_" + slot % 4 + "_away", "orders_" + slot % 4);
    }

    assertThat(failed.status()).isGreaterThanOrEqualTo(500);
    assertThat(items.stockOf(item)).as("only the first order holds stock").isEqualTo(9);
    Answer retried = shopper.post("/api/orders", lines(item, 3), key("while-down"));
    assertThat(retried.status()).as(retried.body()).isEqualTo(201);
    assertThat(items.stockOf(item)).isEqualTo(6);
  }

  @Test
  void aPlacementThatDiedBeforeItsOrderLandedGetsItsStockBackFromRecovery() {
    long item = items.create("died early", 100, 10);
    long orderId = orderIds.nextId(42);
    holdStock(orderId, 42, item, 4); // the first step committed, then the node died
    assertThat(items.stockOf(item)).isEqualTo(6);

    recovery.sweep();

    assertThat(items.stockOf(item)).isEqualTo(10);
    assertThat(reservations.state(orderId)).contains(Reservations.State.RELEASED);
    recovery.sweep();
    assertThat(items.stockOf(item)).as("given back once").isEqualTo(10);
  }

  @Test
  void aPlacementThatDiedAfterItsOrderLandedIsPlacedByRecovery() {
    long item = items.create("died late", 100, 10);
    long orderId = orderIds.nextId(43);
    holdStock(orderId, 43, item, 2);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    orders.insert(Order.place(OrderId.of(orderId), UserId.of(43), List.of(new OrderLine(ItemId.of(item), "died late", Money.of(100, "CNY"), 2)),
        now, now.plusSeconds(900)));

    recovery.sweep();

    assertThat(reservations.state(orderId)).contains(Reservations.State.PLACED);
    assertThat(items.stockOf(item)).as("the order keeps its stock").isEqualTo(8);
  }

  private static String lines(long item, int quantity) {
    return "{\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":" + quantity + "}]}";
  }

  private static Map<String, String> key(String key) {
    return Map.of("Idempotency-Key", key);
  }

  private void holdStock(long orderId, long buyerId, long item, int quantity) {
    List<StockLine> stock = List.of(new StockLine(ItemId.of(item), quantity));
    transactions.executeWithoutResult(s -> {
      inventory.reserve(stock);
      reservations.hold(orderId, buyerId, stock, Instant.now());
    });
  }

  /** The physical statements ShardingSphere ran for the action, as "ds_n ::: sql ::: params". */
  private static List<String> actualSql(Runnable action) {
    Logger log = (Logger) LoggerFactory.getLogger("ShardingSphere-SQL");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    log.addAppender(appender);
    try {
      action.run();
    } finally {
      log.detachAppender(appender);
    }
    return appender.list.stream()
        .filter(e -> e.getThreadName().contains("-exec-")) // the request's, not a background job's
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.startsWith("Actual SQL: ")).map(m -> m.substring("Actual SQL: ".length())).toList();
  }

  private long countIn(int shard, String table, String column, List<Long> ids) throws SQLException {
    try (Connection connection = shards.open(shard);
        PreparedStatement query = connection.prepareStatement("SELECT COUNT(DISTINCT " + column + ") FROM " + table
            + " WHERE " + column + " IN (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private List<long[]> idAndBuyerIn(int shard, String table, List<Long> ids) throws SQLException {
    List<long[]> found = new ArrayList<>();
    try (Connection connection = shards.open(shard);
        PreparedStatement query = connection.prepareStatement("SELECT id, buyer_id FROM " + table
            + " WHERE id IN (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        found.add(new long[] {rows.getLong(1), rows.getLong(2)});
      }
    }
    return found;
  }

  private void rename(int slot, String from, String to) throws SQLException {
    try (Connection connection = shards.open(slot / 4); Statement statement = connection.createStatement()) {
      statement.execute("RENAME TABLE " + from + " TO " + to);
    }
  }
}
