package com.bazaar.order.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.catalog.PricedItem;
import com.bazaar.order.Order;
import com.bazaar.order.OrderLine;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Prices a new order: the catalog's current prices (or a flash sale's), one currency, a total that fits. */
@Component
class OrderPricing {
  private final Catalog catalog;
  private final OrderProperties properties;
  private final Clock clock;

  OrderPricing(Catalog catalog, OrderProperties properties, Clock clock) {
    this.catalog = catalog;
    this.properties = properties;
    this.clock = clock;
  }

  /** @param setPrices unit prices that replace the catalog's (a flash sale's), by item id */
  Order price(long orderId, long buyerId, RequestedLines requested, Map<ItemId, Money> setPrices) {
    Map<ItemId, PricedItem> items = catalog.priced(requested.itemIds()).stream()
        .collect(Collectors.toMap(PricedItem::id, Function.identity(), (a, b) -> a));
    List<OrderLine> lines = requested.lines().stream().map(line -> {
      PricedItem item = items.get(line.itemId());
      if (item == null) {
        throw new ItemNotFound(line.itemId());
      }
      return new OrderLine(item.id(), item.title(), setPrices.getOrDefault(item.id(), item.price()), line.quantity());
    }).toList();
    if (lines.stream().map(l -> l.price().currency()).distinct().count() > 1) {
      throw new InvalidInput("lines", "refusal.order.currencies");
    }
    Instant now = UtcColumns.now(clock);
    try {
      return Order.place(OrderId.of(orderId), UserId.of(buyerId), lines, now, now.plus(properties.paymentWindow()));
    } catch (ArithmeticException e) {
      throw new InvalidInput("lines", "refusal.order.totalTooLarge");
    }
  }
}
