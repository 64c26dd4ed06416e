package com.bazaar.order.internal;

import com.bazaar.cart.Carts;
import com.bazaar.order.OrderRequestLine;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.id.ItemId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lines a buyer asked for, checked against {@link OrderLimits} and the cart's limit per item
 * ({@link Carts#MAX_QUANTITY}: what a cart holds can be ordered), and with repeated items
 * merged into one line, so the order and the stock reservation each see an item once.
 */
record RequestedLines(List<OrderRequestLine> lines) {

  static RequestedLines of(List<OrderRequestLine> requested, OrderLimits limits) {
    int maxLines = limits.maxLinesPerOrder();
    int maxQuantity = Carts.MAX_QUANTITY;
    if (requested.isEmpty()) {
      throw new InvalidInput("lines", "refusal.order.noLines");
    }
    if (requested.size() > maxLines) {
      throw new InvalidInput("lines", "refusal.order.tooManyLines", maxLines);
    }
    Map<Long, Integer> merged = new LinkedHashMap<>();
    for (int i = 0; i < requested.size(); i++) {
      OrderRequestLine line = requested.get(i);
      if (line.itemId().value() < 1) {
        throw new InvalidInput("lines[" + i + "].itemId", "refusal.positiveId");
      }
      if (line.quantity() < 1 || line.quantity() > maxQuantity) {
        throw new InvalidInput("lines[" + i + "].quantity", "refusal.between", 1, maxQuantity);
      }
      int total = merged.merge(line.itemId().value(), line.quantity(), Integer::sum);
      if (total > maxQuantity) {
        throw new InvalidInput("lines[" + i + "].quantity", "refusal.order.tooManyOfOneItem", maxQuantity);
      }
      if (merged.size() > maxLines) {
        throw new InvalidInput("lines", "refusal.order.tooManyItems", maxLines);
      }
    }
    return new RequestedLines(merged.entrySet().stream()
        .map(e -> new OrderRequestLine(ItemId.of(e.getKey()), e.getValue()))
        .toList());
  }

  List<ItemId> itemIds() {
    return lines.stream().map(OrderRequestLine::itemId).toList();
  }

  /** The request in one stable text form (item order does not matter), for idempotency hashes. */
  String canonical() {
    return lines.stream()
        .sorted(Comparator.comparingLong(l -> l.itemId().value()))
        .map(l -> l.itemId().value() + "x" + l.quantity())
        .collect(Collectors.joining(",", "lines:", ""));
  }
}
