package com.bazaar.flashsale.internal;

import com.bazaar.flashsale.FlashSale;
import com.bazaar.flashsale.FlashTicket;
import com.bazaar.order.IdempotentRequestInProgress;
import com.bazaar.order.Order;
import com.bazaar.order.OrderRequestLine;
import com.bazaar.order.Ordering;
import com.bazaar.platform.Conflict;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.NotFound;
import com.bazaar.platform.id.UserId;
import com.bazaar.platform.time.UtcColumns;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The consumer side of the queue: turns a ticket into an order, no faster than the configured
 * orders per second (peak shaving — the storm hits the counter, not the database). The order's
 * idempotency key is the ticket, so a redelivered ticket finds its order instead of placing a
 * second one. A ticket the order side refuses (item out of stock, gone) fails and its units go
 * back to the sale. A delivery that meets another delivery of the same ticket still placing
 * its order (a resent ticket, a redelivery) is not a refusal: it propagates and is retried,
 * never failed, or the units of an order being placed would go back on sale.
 */
@Component
class TicketOrderer {
  private static final Logger log = LoggerFactory.getLogger(TicketOrderer.class);

  private final Ordering ordering;
  private final Sales sales;
  private final Tickets tickets;
  private final FlashStock stock;
  private final Clock clock;
  private final RateLimiter pace;
  private final FlashMeters meters;
  private final SoldOutSales soldOut;

  TicketOrderer(Ordering ordering, Sales sales, Tickets tickets, FlashStock stock, Clock clock, FlashProperties properties,
      FlashMeters meters, SoldOutSales soldOut) {
    this.meters = meters;
    this.soldOut = soldOut;
    this.ordering = ordering;
    this.sales = sales;
    this.tickets = tickets;
    this.stock = stock;
    this.clock = clock;
    this.pace = RateLimiter.of("flash-orders", RateLimiterConfig.custom()
        .limitForPeriod(Math.max(1, properties.queue().ordersPerSecond()))
        .limitRefreshPeriod(Duration.ofSeconds(1))
        .timeoutDuration(Duration.ofMinutes(1))
        .build());
  }

  /** Places the ticket's order; failures of the order side itself propagate, so the queue redelivers. */
  void order(TicketOrder ticket) {
    Optional<Tickets.Settled> settled = tickets.find(ticket.ticketId());
    if (settled.isPresent()) {
      // finishes what a crash interrupted: the give-back of a failed ticket, the note of an ordered one
      if (settled.get().ticket().status() == FlashTicket.Status.FAILED) {
        giveBack(ticket);
      } else {
        stock.settled(ticket.saleId(), ticket.ticketId());
      }
      return;
    }
    while (!pace.acquirePermission()) {
      log.debug("flash order pace: still waiting for a permit");
    }
    try {
      FlashSale sale = sales.find(ticket.saleId()).orElseThrow(() -> new IllegalStateException("sale " + ticket.saleId() + " vanished"));
      Order order = ordering.placeAtPrice(UserId.of(ticket.buyerId()), new OrderRequestLine(sale.itemId(), ticket.quantity()),
          sale.price(), "flash-" + ticket.ticketId());
      if (tickets.settle(ticket, FlashTicket.Status.ORDERED, Optional.of(order.id().value()), UtcColumns.now(clock))) {
        meters.ordered();
      }
      stock.settled(ticket.saleId(), ticket.ticketId());
    } catch (IdempotentRequestInProgress anotherDelivery) {
      throw anotherDelivery;
    } catch (Conflict | NotFound | InvalidInput refused) {
      log.info("flash ticket {} failed: {}", ticket.ticketId(), refused.getMessage());
      fail(ticket);
    }
  }

  /** Settles the ticket as FAILED and returns its units. */
  void fail(TicketOrder ticket) {
    tickets.settle(ticket, FlashTicket.Status.FAILED, Optional.empty(), UtcColumns.now(clock));
    meters.failed();
    giveBack(ticket);
  }

  private void giveBack(TicketOrder ticket) {
    stock.giveBack(ticket.saleId(), ticket.ticketId());
    soldOut.forget(ticket.saleId()); // buyable again here at once
  }
}
