package com.bazaar.order.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.order.DeliveryAddress;
import com.bazaar.order.Order;
import com.bazaar.order.OrderLine;
import com.bazaar.order.OrderStatus;
import com.bazaar.payment.PaymentMethod;
import com.bazaar.platform.Money;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import com.bazaar.platform.time.UtcColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code orders} and {@code order_lines} tables, in the {@link OrderStore}. Queries name
 * the buyer wherever they can, which is both the ownership check and the sharding key; the
 * others name the order id, whose low bits carry the same shard (OrderIdGenerator). Only the
 * all-orders list and the overdue sweep name neither and go to every shard. State changes
 * are guarded by the status they expect, so a lost race changes nothing.
 */
@Repository
class Orders {
  private static final String COLUMNS =
      "id, buyer_id, status, currency, created_at, payment_deadline, paid_at, cancelled_at, payment_method, "
          + "ship_recipient, ship_phone, ship_region, ship_city, ship_line, ship_postcode";
  private final JdbcClient jdbc;

  Orders(OrderStore store) {
    this.jdbc = store.jdbc();
  }

  void insert(Order order) {
    jdbc.sql(
            """
            INSERT INTO orders (id, buyer_id, status, total_amount, currency, created_at, payment_deadline,
              payment_method, ship_recipient, ship_phone, ship_region, ship_city, ship_line, ship_postcode)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        // a List, not varargs: Spring 7 declares params(Object...) without NULL elements, and
        // payment_method and ship_* are NULL for an order placed without checkout choices
        .params(Arrays.asList(order.id().value(), order.buyerId().value(), order.status().name(), order.total().amount(),
            order.total().currency(), toColumn(order.createdAt()), toColumn(order.paymentDeadline()),
            order.paymentMethod().map(Enum::name).orElse(null),
            ship(order, DeliveryAddress::recipient), ship(order, DeliveryAddress::phone),
            ship(order, DeliveryAddress::region), ship(order, DeliveryAddress::city),
            ship(order, DeliveryAddress::line), ship(order, DeliveryAddress::postcode)))
        .update();
    int lineNo = 0;
    for (OrderLine line : order.lines()) {
      jdbc.sql(
              """
              INSERT INTO order_lines (order_id, line_no, item_id, title, price_amount, quantity)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(order.id().value(), lineNo++, line.itemId().value(), line.title(), line.price().amount(), line.quantity())
          .update();
    }
  }

  private static @Nullable String ship(Order order, Function<DeliveryAddress, String> part) {
    return order.deliveryAddress().map(part).orElse(null);
  }

  Optional<Order> find(long buyerId, long orderId) {
    return one("SELECT " + COLUMNS + " FROM orders WHERE id = ? AND buyer_id = ?", orderId, buyerId);
  }

  /** The buyer's order, row-locked until the transaction ends, so pay and cancel serialize. */
  Optional<Order> lock(long buyerId, long orderId) {
    return one("SELECT " + COLUMNS + " FROM orders WHERE id = ? AND buyer_id = ? FOR UPDATE", orderId, buyerId);
  }

  /** Any buyer's order, row-locked: for the canceller, which acts for no buyer. */
  Optional<Order> lock(long orderId) {
    return one("SELECT " + COLUMNS + " FROM orders WHERE id = ? FOR UPDATE", orderId);
  }

  List<Order> page(long buyerId, PageSpec page) {
    List<Head> heads = jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE buyer_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
        .params(buyerId, page.size(), page.offset())
        .query((rs, n) -> head(rs))
        .list();
    return withLines(heads);
  }

  /**
   * Every buyer's orders, newest id first. Sharded, every table answers its first
   * offset + size rows and ShardingSphere merge-sorts them, so pages neither skip nor repeat;
   * deep pages cost more, which an admin list can afford.
   */
  List<Order> pageAll(PageSpec page) {
    List<Head> heads = jdbc.sql("SELECT " + COLUMNS + " FROM orders ORDER BY id DESC LIMIT ? OFFSET ?")
        .params(page.size(), page.offset())
        .query((rs, n) -> head(rs))
        .list();
    return withLines(heads);
  }

  /** Any buyer's order, unlocked: for admins. The id carries its shard. */
  Optional<Order> find(long orderId) {
    return one("SELECT " + COLUMNS + " FROM orders WHERE id = ?", orderId);
  }

  /**
   * Orders of a buyer (one shard, ix_orders_buyer) and/or of a status (every shard), newest
   * first. Built from fixed fragments only; the values travel as parameters.
   */
  List<Order> pageWhere(Optional<Long> buyerId, Optional<OrderStatus> status, PageSpec page) {
    Filter filter = Filter.of(buyerId, status);
    List<Object> params = new ArrayList<>(filter.params());
    params.add(page.size());
    params.add(page.offset());
    List<Head> heads = jdbc.sql("SELECT " + COLUMNS + " FROM orders" + filter.where() + " ORDER BY id DESC LIMIT ? OFFSET ?")
        .params(params)
        .query((rs, n) -> head(rs))
        .list();
    return withLines(heads);
  }

  long countWhere(Optional<Long> buyerId, Optional<OrderStatus> status) {
    Filter filter = Filter.of(buyerId, status);
    return jdbc.sql("SELECT COUNT(*) FROM orders" + filter.where()).params(filter.params()).query(Long.class).single();
  }

  /**
   * Count and total of the orders with ids from {@code firstId} on, by status and currency: order
   * ids begin with their millisecond, so "placed since" is a primary-key range, not a scan of
   * created_at. Sharded, every table answers its groups and ShardingSphere adds them up.
   */
  List<StatusFigure> figuresFrom(long firstId) {
    return jdbc.sql("""
            SELECT status, currency, COUNT(*) AS orders_count, SUM(total_amount) AS total
            FROM orders WHERE id >= ? GROUP BY status, currency""")
        .param(firstId)
        .query((rs, n) -> new StatusFigure(OrderStatus.valueOf(rs.getString("status")), rs.getString("currency"),
            rs.getLong("orders_count"), rs.getLong("total")))
        .list();
  }

  record StatusFigure(OrderStatus status, String currency, long count, long total) {}

  private record Filter(String where, List<Object> params) {
    static Filter of(Optional<Long> buyerId, Optional<OrderStatus> status) {
      List<String> conditions = new ArrayList<>();
      List<Object> params = new ArrayList<>();
      buyerId.ifPresent(id -> {
        conditions.add("buyer_id = ?");
        params.add(id);
      });
      status.ifPresent(s -> {
        conditions.add("status = ?");
        params.add(s.name());
      });
      return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }
  }

  long countAll() {
    return jdbc.sql("SELECT COUNT(*) FROM orders").query(Long.class).single();
  }

  boolean exists(long orderId) {
    return jdbc.sql("SELECT COUNT(*) FROM orders WHERE id = ?").param(orderId).query(Long.class).single() > 0;
  }

  /** Removes an order whose stock reservation was given up before the order row landed. */
  void delete(long orderId) {
    jdbc.sql("DELETE FROM order_lines WHERE order_id = ?").param(orderId).update();
    jdbc.sql("DELETE FROM orders WHERE id = ?").param(orderId).update();
  }

  long count(long buyerId) {
    return jdbc.sql("SELECT COUNT(*) FROM orders WHERE buyer_id = ?").param(buyerId).query(Long.class).single();
  }

  /** Ids of orders still awaiting payment after their deadline, oldest deadline first. */
  List<Long> overdue(Instant now, int limit) {
    return jdbc.sql(
            """
            SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND payment_deadline < ?
            ORDER BY payment_deadline LIMIT ?""")
        .params(toColumn(now), limit)
        .query(Long.class)
        .list();
  }

  /** Answers whether this call moved the order from pending to paid. */
  boolean recordPaid(long orderId, Instant paidAt) {
    return jdbc.sql("UPDATE orders SET status = 'PAID', paid_at = ? WHERE id = ? AND status = 'PENDING_PAYMENT'")
            .params(toColumn(paidAt), orderId)
            .update() == 1;
  }

  /** Answers whether this call moved the order from pending to cancelled. */
  boolean recordCancelled(long orderId, Instant cancelledAt) {
    return jdbc.sql(
                "UPDATE orders SET status = 'CANCELLED', cancelled_at = ? WHERE id = ? AND status = 'PENDING_PAYMENT'")
            .params(toColumn(cancelledAt), orderId)
            .update() == 1;
  }

  private Optional<Order> one(String sql, Object... params) {
    List<Head> heads = jdbc.sql(sql).params(params).query((rs, n) -> head(rs)).list();
    return withLines(heads).stream().findFirst();
  }

  private List<Order> withLines(List<Head> heads) {
    if (heads.isEmpty()) {
      return List.of();
    }
    Map<Long, List<StoredLine>> lines = jdbc.sql(
            "SELECT order_id, item_id, title, price_amount, quantity FROM order_lines WHERE order_id IN (:ids) ORDER BY order_id, line_no")
        .param("ids", heads.stream().map(Head::id).toList())
        .query((rs, n) -> new StoredLine(rs.getLong("order_id"), rs.getLong("item_id"), rs.getString("title"),
            rs.getLong("price_amount"), rs.getInt("quantity")))
        .list().stream()
        .collect(Collectors.groupingBy(StoredLine::orderId));
    List<Order> orders = new ArrayList<>(heads.size());
    for (Head head : heads) {
      List<OrderLine> orderLines = lines.getOrDefault(head.id(), List.of()).stream()
          .map(l -> new OrderLine(ItemId.of(l.itemId()), l.title(), Money.of(l.priceAmount(), head.currency()), l.quantity()))
          .toList();
      orders.add(new Order(OrderId.of(head.id()), UserId.of(head.buyerId()), head.status(), orderLines, head.createdAt(),
          head.paymentDeadline(), head.paidAt(), head.cancelledAt(), head.deliveryAddress(), head.paymentMethod()));
    }
    return orders;
  }

  private static Head head(ResultSet rs) throws SQLException {
    return new Head(rs.getLong("id"), rs.getLong("buyer_id"), OrderStatus.valueOf(rs.getString("status")),
        rs.getString("currency"), UtcColumns.instant(rs, "created_at"), UtcColumns.instant(rs, "payment_deadline"),
        UtcColumns.nullableInstant(rs, "paid_at"), UtcColumns.nullableInstant(rs, "cancelled_at"), deliveryAddress(rs),
        paymentMethod(rs));
  }

  private static @Nullable DeliveryAddress deliveryAddress(ResultSet rs) throws SQLException {
    String recipient = rs.getString("ship_recipient");
    if (recipient == null) {
      return null;
    }
    String postcode = rs.getString("ship_postcode");
    return new DeliveryAddress(recipient, rs.getString("ship_phone"), rs.getString("ship_region"),
        rs.getString("ship_city"), rs.getString("ship_line"), postcode == null ? "" : postcode);
  }

  /** A method this build does not know (written by a newer one) reads as none rather than failing the order. */
  private static @Nullable PaymentMethod paymentMethod(ResultSet rs) throws SQLException {
    String method = rs.getString("payment_method");
    return method == null ? null : Arrays.stream(PaymentMethod.values())
        .filter(m -> m.name().equals(method)).findFirst().orElse(null);
  }

  private record Head(long id, long buyerId, OrderStatus status, String currency, Instant createdAt,
      Instant paymentDeadline, @Nullable Instant paidAt, @Nullable Instant cancelledAt, @Nullable DeliveryAddress deliveryAddress,
      @Nullable PaymentMethod paymentMethod) {}

  private record StoredLine(long orderId, long itemId, String title, long priceAmount, int quantity) {}
}
