package com.bazaar.flashsale.internal;

import com.bazaar.flashsale.FlashPurchase;
import com.bazaar.flashsale.FlashSale;
import com.bazaar.flashsale.FlashSaleNotFound;
import com.bazaar.flashsale.FlashTicket;
import com.bazaar.order.Order;
import com.bazaar.order.OrderRequestLine;
import com.bazaar.order.Ordering;
import com.bazaar.platform.id.IdGenerator;
import com.bazaar.platform.id.SaleId;
import com.bazaar.platform.id.UserId;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The baseline the flash-sale design is measured against ({@code bazaar.flash.mode=naive}):
 * every purchase, sold out or not, runs a transaction that updates the sale's row
 * ({@code sold = sold + 1 WHERE sold < stock}) and places the order synchronously, so all
 * buyers queue on one row lock and the database takes the whole storm. A refusal is decided
 * before anything is written (the guarded update changes no row), so it simply commits nothing.
 */
@Component
class NaivePurchases {
  private final Sales sales;
  private final Tickets tickets;
  private final Ordering ordering;
  private final IdGenerator ids;
  private final Clock clock;

  NaivePurchases(Sales sales, Tickets tickets, Ordering ordering, IdGenerator ids, Clock clock) {
    this.sales = sales;
    this.tickets = tickets;
    this.ordering = ordering;
    this.ids = ids;
    this.clock = clock;
  }

  @Transactional
  public FlashPurchase purchase(SaleId saleId, UserId buyer, int quantity) {
    FlashSale sale = sales.find(saleId.value()).orElseThrow(() -> new FlashSaleNotFound(saleId));
    if (!sale.isOpenAt(clock.instant())) {
      return FlashPurchase.notActive(saleId);
    }
    if (tickets.unitsHeldBy(saleId.value(), buyer.value()) + quantity > sale.limitPerUser()) {
      return FlashPurchase.limitReached(saleId);
    }
    if (!sales.takeSold(saleId.value(), quantity)) {
      return FlashPurchase.soldOut(saleId);
    }
    TicketOrder ticket = new TicketOrder(ids.nextId(), saleId.value(), buyer.value(), quantity);
    Order order = ordering.placeAtPrice(buyer, new OrderRequestLine(sale.itemId(), quantity), sale.price(),
        "flash-" + ticket.ticketId());
    tickets.settle(ticket, FlashTicket.Status.ORDERED, Optional.of(order.id().value()), UtcColumns.now(clock));
    return FlashPurchase.accepted(new FlashTicket(ticket.ticketId(), saleId, FlashTicket.Status.ORDERED,
        Optional.of(order.id())));
  }
}
