package com.bazaar.flashsale.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.flashsale.FlashSale;
import com.bazaar.flashsale.FlashSaleAccount;
import com.bazaar.flashsale.FlashSaleDraft;
import com.bazaar.flashsale.FlashPurchase;
import com.bazaar.flashsale.FlashSaleNotFound;
import com.bazaar.flashsale.FlashSaleProgress;
import com.bazaar.flashsale.FlashSales;
import com.bazaar.flashsale.FlashTicket;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.id.IdGenerator;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.SaleId;
import com.bazaar.platform.id.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Creates sales and takes purchases. In the queued mode a purchase touches only the stock
 * counter and the queue — a sold-out answer costs no SQL at all; the order is placed later by
 * {@link TicketOrderer}. The naive mode hands purchases to {@link NaivePurchases} instead.
 */
@Service
@EnableConfigurationProperties(FlashProperties.class)
class FlashSaleDesk implements FlashSales {
  private static final Logger log = LoggerFactory.getLogger(FlashSaleDesk.class);

  private final Sales sales;
  private final Tickets tickets;
  private final FlashStock stock;
  private final TicketQueue queue;
  private final FlashMeters meters;
  private final NaivePurchases naive;
  private final Catalog catalog;
  private final IdGenerator ids;
  private final Clock clock;
  private final boolean naiveMode;
  private final SaleBoard board;
  private final SoldOutSales soldOut;

  FlashSaleDesk(Sales sales, Tickets tickets, FlashStock stock, TicketQueue queue, NaivePurchases naive,
      Catalog catalog, IdGenerator ids, Clock clock, FlashProperties properties, FlashMeters meters, SaleBoard board,
      SoldOutSales soldOut) {
    this.board = board;
    this.soldOut = soldOut;
    this.meters = meters;
    this.sales = sales;
    this.tickets = tickets;
    this.stock = stock;
    this.queue = queue;
    this.naive = naive;
    this.catalog = catalog;
    this.ids = ids;
    this.clock = clock;
    this.naiveMode = properties.mode() == FlashProperties.Mode.NAIVE;
  }

  @Override
  public FlashSale create(FlashSaleDraft draft) {
    ItemDetail item = catalog.findItem(draft.itemId()).orElseThrow(() -> new ItemNotFound(draft.itemId()));
    if (!item.price().currency().equals(draft.price().currency())) {
      throw new InvalidInput("price.currency", "refusal.sale.itemCurrency", item.price().currency());
    }
    if (draft.stock() > item.stock()) {
      // each unit sold becomes an order that reserves the item's stock: promise none the shop lacks
      throw new InvalidInput("stock", "refusal.sale.itemStock", item.stock());
    }
    FlashSale sale = new FlashSale(SaleId.of(ids.nextId()), draft.itemId(), draft.price(), draft.stock(),
        draft.startsAt().truncatedTo(ChronoUnit.MICROS), draft.endsAt().truncatedTo(ChronoUnit.MICROS), draft.limitPerUser());
    sales.insert(sale);
    stock.load(sale, sale.stock());
    board.added();
    return sale;
  }

  @Override
  public Optional<FlashSale> sale(SaleId saleId) {
    return sales.find(saleId.value());
  }

  @Override
  public List<FlashSale> current() {
    return board.current();
  }

  /** An item has at most a few sales at a time: the open one wins, else the next to start. */
  @Override
  public Optional<FlashSale> currentFor(ItemId itemId) {
    Instant now = clock.instant();
    List<FlashSale> ofItem = board.current().stream().filter(sale -> sale.itemId().equals(itemId)).toList();
    return ofItem.stream().filter(sale -> sale.isOpenAt(now)).findFirst().or(() -> ofItem.stream().findFirst());
  }

  @Override
  public FlashSaleProgress progress(SaleId saleId) {
    FlashSale sale = sales.find(saleId.value()).orElseThrow(() -> new FlashSaleNotFound(saleId));
    Tickets.Tally tally = tickets.tally(saleId.value());
    return new FlashSaleProgress(sale, remaining(saleId), tally.orderedTickets(), tally.orderedUnits(),
        tally.failedTickets(), tally.returnedUnits());
  }

  @Override
  public List<FlashSale> sales() {
    return sales.all();
  }

  @Override
  public long remaining(SaleId sale) {
    long saleId = sale.value();
    if (naiveMode) {
      return sales.find(saleId).map(s -> s.stock() - sales.sold(saleId)).orElse(0L);
    }
    return stock.remaining(saleId);
  }

  @Override
  public FlashPurchase purchase(SaleId saleId, UserId buyer, int quantity) {
    if (quantity < 1) {
      throw new InvalidInput("quantity", "refusal.atLeast", 1);
    }
    if (naiveMode) {
      return naive.purchase(saleId, buyer, quantity);
    }
    long ticketId = ids.nextId();
    return switch (stock.take(saleId.value(), buyer.value(), ticketId, quantity, clock.instant())) {
      case ACCEPTED -> {
        send(new TicketOrder(ticketId, saleId.value(), buyer.value(), quantity));
        yield FlashPurchase.accepted(FlashTicket.queued(ticketId, saleId));
      }
      case SOLD_OUT -> {
        soldOut.remember(saleId.value()); // the storm's next buyers are answered at the door (SoldOutGate)
        yield FlashPurchase.soldOut(saleId);
      }
      case LIMIT_REACHED -> FlashPurchase.limitReached(saleId);
      case NOT_ACTIVE -> FlashPurchase.notActive(saleId);
      case UNKNOWN_SALE -> throw new FlashSaleNotFound(saleId);
    };
  }

  /**
   * The ticket is accepted once the counter holds it: if the queue is away (broker down), the
   * buyer still gets the ticket and {@link QueuedTicketResender} sends it when the queue is back.
   */
  private void send(TicketOrder ticket) {
    meters.queued();
    try {
      queue.enqueue(ticket);
    } catch (RuntimeException queueAway) {
      meters.deferred();
      log.warn("flash ticket {} not queued now, it will be resent: {}", ticket.ticketId(), queueAway.toString());
    }
  }

  @Override
  public FlashTicket ticket(SaleId saleId, UserId buyer, long ticketId) {
    long buyerId = buyer.value();
    Optional<FlashTicket> settled = settledTicket(saleId, buyerId, ticketId);
    if (settled.isPresent()) {
      return settled.get();
    }
    if (stock.holder(saleId.value(), ticketId).filter(holder -> holder == buyerId).isPresent()) {
      // Held but not settled may also mean "settled a moment ago": read the settlement once more.
      return settledTicket(saleId, buyerId, ticketId).orElse(FlashTicket.queued(ticketId, saleId));
    }
    return settledTicket(saleId, buyerId, ticketId)
        .orElseThrow(() -> FlashSaleNotFound.ticket(saleId, ticketId));
  }

  @Override
  public List<FlashSaleAccount> accounts() {
    return sales.endingAfter(clock.instant()).stream().map(sale -> {
      // Sold first, then the counter: a ticket ordered between the two reads then counts as in
      // flight, not twice. (A cancellation between them — released, then given back — can still
      // count a unit twice for a moment; the page reads an unbalanced sale again before it says so.)
      long sold = tickets.unitsHeld(sale.id().value());
      return new FlashSaleAccount(sale.id(), sale.itemId(), sale.stock(), remaining(sale.id()), sold);
    }).toList();
  }

  private Optional<FlashTicket> settledTicket(SaleId saleId, long buyerId, long ticketId) {
    return tickets.find(ticketId)
        .filter(t -> t.buyerId() == buyerId && t.ticket().saleId().equals(saleId))
        .map(Tickets.Settled::ticket);
  }
}
