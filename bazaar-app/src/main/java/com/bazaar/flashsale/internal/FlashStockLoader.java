package com.bazaar.flashsale.internal;

import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On start, loads every sale that has not ended into the stock counter, less the units that
 * ordered tickets hold. Redis keeps a sale already loaded by another node as it is; an
 * in-memory counter starts empty, so this is what lets a restarted node sell again. Units held
 * by tickets that were still queued in a stopped JVM are not recovered (the Rabbit queue is
 * the durable choice).
 */
@Component
class FlashStockLoader {
  private final Sales sales;
  private final Tickets tickets;
  private final FlashStock stock;
  private final Clock clock;

  FlashStockLoader(Sales sales, Tickets tickets, FlashStock stock, Clock clock) {
    this.sales = sales;
    this.tickets = tickets;
    this.stock = stock;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void load() {
    sales.endingAfter(clock.instant()).forEach(sale -> stock.load(sale, sale.stock() - tickets.unitsHeld(sale.id().value())));
  }
}
