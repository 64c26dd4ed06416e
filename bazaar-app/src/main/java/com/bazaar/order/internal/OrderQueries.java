package com.bazaar.order.internal;

import com.bazaar.order.Order;
import com.bazaar.order.OrderAdministration;
import com.bazaar.order.OrderFigures;
import com.bazaar.order.OrderStatus;
import com.bazaar.platform.Money;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.SnowflakeIdGenerator;
import com.bazaar.platform.id.UserId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** The admins' reads of orders ({@link OrderAdministration}), in the order store's read-only transactions. */
@Service
class OrderQueries implements OrderAdministration {
  private final Orders orders;
  private final OrderStore store;

  OrderQueries(Orders orders, OrderStore store) {
    this.orders = orders;
    this.store = store;
  }

  @Override
  public Optional<Order> find(OrderId orderId) {
    return store.reading().execute(s -> orders.find(orderId.value()));
  }

  @Override
  public Page<Order> orders(Optional<UserId> buyer, Optional<OrderStatus> status, PageSpec page) {
    Optional<Long> buyerId = buyer.map(UserId::value);
    return store.reading().execute(s ->
        Page.of(orders.pageWhere(buyerId, status, page), page, orders.countWhere(buyerId, status)));
  }

  /** Order ids are Snowflake ids with their low bits set to the buyer's shard (OrderIdGenerator): they start with their time. */
  @Override
  public OrderFigures placedSince(Instant since) {
    List<Orders.StatusFigure> figures = store.reading().execute(s -> orders.figuresFrom(SnowflakeIdGenerator.firstIdAt(since)));
    Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
    Map<String, Long> paid = new TreeMap<>();
    for (Orders.StatusFigure figure : figures) {
      counts.merge(figure.status(), figure.count(), Long::sum);
      if (figure.status() == OrderStatus.PAID) {
        paid.merge(figure.currency(), figure.total(), Math::addExact);
      }
    }
    return new OrderFigures(counts, paid.entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList());
  }
}
