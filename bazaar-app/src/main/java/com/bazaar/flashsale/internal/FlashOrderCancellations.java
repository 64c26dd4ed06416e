package com.bazaar.flashsale.internal;

import com.bazaar.order.Order;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * An unpaid flash order that is cancelled (by its buyer or at the end of the payment window)
 * gives its units back to the sale, so another buyer can have them. Marking the ticket
 * released first makes a redelivered event return nothing twice. A bus subscription
 * ({@link FlashSaleSubscriptions}) like every consumer of a module's events.
 */
@Component
class FlashOrderCancellations {
  private final Tickets tickets;
  private final FlashStock stock;
  private final Sales sales;
  private final Clock clock;
  private final boolean naiveMode;
  private final SoldOutSales soldOut;

  FlashOrderCancellations(Tickets tickets, FlashStock stock, Sales sales, Clock clock, FlashProperties properties,
      SoldOutSales soldOut) {
    this.soldOut = soldOut;
    this.tickets = tickets;
    this.stock = stock;
    this.sales = sales;
    this.clock = clock;
    this.naiveMode = properties.mode() == FlashProperties.Mode.NAIVE;
  }

  void giveBack(Order.OrderCancelled event) {
    tickets.findByOrder(event.orderId().value())
        .filter(settled -> tickets.markReleased(settled.ticket().id(), UtcColumns.now(clock)))
        .ifPresent(settled -> {
          if (naiveMode) {
            sales.returnSold(settled.ticket().saleId().value(), settled.quantity());
          } else {
            stock.giveBack(settled.ticket().saleId().value(), settled.ticket().id());
            soldOut.forget(settled.ticket().saleId().value()); // buyable again here at once
          }
        });
  }
}
