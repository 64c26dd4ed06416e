package com.bazaar.sales.internal;

import com.bazaar.order.Order;
import com.bazaar.order.Order.OrderPaid;
import com.bazaar.order.OrderLine;
import com.bazaar.order.Ordering;
import com.bazaar.platform.events.ProcessedMessages;
import com.bazaar.platform.id.ItemId;
import com.bazaar.sales.ItemSales;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts units sold per item when an order is paid, exactly once per order: the
 * {@code OrderPaid:<orderId>} message is recorded as processed in the same transaction as
 * the counts, and an order is paid at most once.
 */
@Service
class SalesCounter implements ItemSales {
  static final String CONSUMER = "sales";

  private final JdbcClient jdbc;
  private final Ordering ordering;
  private final ProcessedMessages processed;

  SalesCounter(JdbcClient jdbc, Ordering ordering, ProcessedMessages processed) {
    this.jdbc = jdbc;
    this.ordering = ordering;
    this.processed = processed;
  }

  @Override
  @Transactional(readOnly = true)
  public long sold(ItemId itemId) {
    return jdbc.sql("SELECT sold FROM item_sales WHERE item_id = ?").param(itemId.value()).query(Long.class).optional().orElse(0L);
  }

  /** Runs inside the bus's delivery transaction. */
  void count(OrderPaid paid) {
    if (!processed.firstDelivery(CONSUMER, "OrderPaid:" + paid.orderId())) {
      return;
    }
    Order order = ordering.order(paid.buyerId(), paid.orderId());
    for (OrderLine line : order.lines()) {
      jdbc.sql("INSERT INTO item_sales (item_id, sold) VALUES (?, ?) ON DUPLICATE KEY UPDATE sold = sold + ?")
          .params(line.itemId().value(), line.quantity(), line.quantity())
          .update();
    }
  }
}
