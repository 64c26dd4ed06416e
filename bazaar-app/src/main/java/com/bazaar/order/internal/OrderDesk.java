package com.bazaar.order.internal;

import com.bazaar.platform.time.UtcColumns;
import com.bazaar.cart.Cart;
import com.bazaar.cart.Carts;
import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.StockLine;
import com.bazaar.order.Order;
import com.bazaar.order.OrderLine;
import com.bazaar.order.OrderNotFound;
import com.bazaar.order.OrderRequestLine;
import com.bazaar.order.OrderStatus;
import com.bazaar.order.Ordering;
import com.bazaar.payment.Payments;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places, pays and cancels orders. Every change happens in one transaction with the stock
 * reservation, the payment row and the events it publishes, so a failure anywhere leaves
 * nothing behind. Requests with an Idempotency-Key claim the key first in that same
 * transaction; a retry that finds the key claimed answers with the first result instead.
 */
@Service
class OrderDesk implements Ordering {
  static final String PLACE_SCOPE = "order";
  static final String PAY_SCOPE = "pay";
  /** A retry that loses the race for its key waits for the winner this many times at most. */
  private static final int CLAIM_ATTEMPTS = 5;

  private final Orders orders;
  private final IdempotencyKeys keys;
  private final Catalog catalog;
  private final Inventory inventory;
  private final Carts carts;
  private final Payments payments;
  private final IdGenerator ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final OrderProperties properties;
  private final TransactionTemplate writing;
  private final TransactionTemplate reading;

  OrderDesk(
      Orders orders,
      IdempotencyKeys keys,
      Catalog catalog,
      Inventory inventory,
      Carts carts,
      Payments payments,
      IdGenerator ids,
      Clock clock,
      ApplicationEventPublisher events,
      OrderProperties properties,
      PlatformTransactionManager transactions) {
    this.orders = orders;
    this.keys = keys;
    this.catalog = catalog;
    this.inventory = inventory;
    this.carts = carts;
    this.payments = payments;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.properties = properties;
    this.writing = new TransactionTemplate(transactions);
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
  }

  @Override
  public Order place(long buyerId, List<OrderRequestLine> lines, Optional<String> idempotencyKey) {
    RequestedLines requested = RequestedLines.of(lines);
    return once(buyerId, PLACE_SCOPE, idempotencyKey, requested.canonical(), null,
        orderId -> placeNow(orderId, buyerId, requested, Map.of()));
  }

  @Override
  public Order placeAtPrice(long buyerId, OrderRequestLine line, Money unitPrice, String idempotencyKey) {
    RequestedLines requested = RequestedLines.of(List.of(line));
    return once(buyerId, PLACE_SCOPE, Optional.of(idempotencyKey), requested.canonical() + "@" + unitPrice, null,
        orderId -> placeNow(orderId, buyerId, requested, Map.of(line.itemId(), unitPrice)));
  }

  @Override
  public Order placeFromCart(long buyerId, Optional<String> idempotencyKey) {
    return once(buyerId, PLACE_SCOPE, idempotencyKey, "fromCart", null, orderId -> {
      Cart cart = carts.cart(buyerId);
      if (cart.isEmpty()) {
        throw new InvalidInput("fromCart", "cart is empty");
      }
      List<OrderRequestLine> lines =
          cart.lines().stream().map(l -> new OrderRequestLine(l.itemId(), l.quantity())).toList();
      Order order = placeNow(orderId, buyerId, RequestedLines.of(lines), Map.of());
      carts.clear(buyerId);
      return order;
    });
  }

  @Override
  public Order pay(long buyerId, long orderId, Optional<String> idempotencyKey) {
    return once(buyerId, PAY_SCOPE, idempotencyKey, "pay:" + orderId, orderId, id -> payNow(buyerId, id));
  }

  @Override
  @Transactional
  public Order cancel(long buyerId, long orderId) {
    Order order = orders.lock(buyerId, orderId).orElseThrow(() -> new OrderNotFound(orderId));
    if (order.status() == OrderStatus.CANCELLED) {
      return order; // a repeated cancel changes nothing and returns no stock twice
    }
    order.cancel(now());
    recordCancellation(order);
    return order;
  }

  @Override
  @Transactional(readOnly = true)
  public Order order(long buyerId, long orderId) {
    return orders.find(buyerId, orderId).orElseThrow(() -> new OrderNotFound(orderId));
  }

  @Override
  @Transactional(readOnly = true)
  public Page<Order> orders(long buyerId, PageSpec page) {
    return Page.of(orders.page(buyerId, page), page, orders.count(buyerId));
  }

  /** Cancels the order if it is still unpaid past its deadline; answers whether it did. */
  @Transactional
  public boolean cancelOverdue(long orderId) {
    Instant now = now();
    Optional<Order> overdue = orders.lock(orderId)
        .filter(o -> o.status() == OrderStatus.PENDING_PAYMENT && !o.isPayableAt(now));
    overdue.ifPresent(order -> {
      order.cancel(now);
      recordCancellation(order);
    });
    return overdue.isPresent();
  }

  /** @param setPrices unit prices that replace the catalog's (a flash sale's), by item id */
  private Order placeNow(long orderId, long buyerId, RequestedLines requested, Map<Long, Money> setPrices) {
    Map<Long, ItemSummary> items = catalog.summaries(requested.itemIds()).stream()
        .collect(Collectors.toMap(ItemSummary::id, Function.identity(), (a, b) -> a));
    List<OrderLine> lines = requested.lines().stream().map(line -> {
      ItemSummary item = items.get(line.itemId());
      if (item == null) {
        throw new ItemNotFound(line.itemId());
      }
      return new OrderLine(item.id(), item.title(), setPrices.getOrDefault(item.id(), item.price()), line.quantity());
    }).toList();
    if (lines.stream().map(l -> l.price().currency()).distinct().count() > 1) {
      throw new InvalidInput("lines", "items priced in different currencies need separate orders");
    }
    Instant now = now();
    Order order;
    try {
      order = Order.place(orderId, buyerId, lines, now, now.plus(properties.paymentWindow()));
    } catch (ArithmeticException e) {
      throw new InvalidInput("lines", "the order total is too large");
    }
    inventory.reserve(stockLines(order));
    orders.insert(order);
    events.publishEvent(new Order.OrderPlaced(order.id(), buyerId));
    return order;
  }

  private Order payNow(long buyerId, long orderId) {
    Order order = orders.lock(buyerId, orderId).orElseThrow(() -> new OrderNotFound(orderId));
    order.markPaid(now());
    payments.collect(order.id(), buyerId, order.total());
    if (!orders.recordPaid(order)) {
      throw new IllegalStateException("order " + orderId + " changed while its row was locked");
    }
    events.publishEvent(new Order.OrderPaid(order.id(), buyerId));
    return order;
  }

  private void recordCancellation(Order order) {
    if (orders.recordCancelled(order)) {
      inventory.release(stockLines(order));
      events.publishEvent(new Order.OrderCancelled(order.id(), order.buyerId()));
    }
  }

  /**
   * Runs the work once per Idempotency-Key. The key row is inserted first in the work's own
   * transaction; a concurrent or later attempt with the same key fails that insert (at once,
   * or once the holder commits), rolls back, and then reads what the holder recorded. If the
   * holder rolled back instead, the key is free again and this attempt tries anew.
   *
   * @param resourceId the id the key stands for, or null to give the new order a fresh id
   */
  private Order once(long buyerId, String scope, Optional<String> rawKey, String canonicalRequest,
      Long resourceId, LongFunction<Order> work) {
    if (rawKey.isEmpty()) {
      return writing.execute(s -> work.apply(resourceId == null ? ids.nextId() : resourceId));
    }
    IdempotencyKey key = new IdempotencyKey(rawKey.get());
    String hash = IdempotencyKey.hash(scope + "|" + canonicalRequest);
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      try {
        return writing.execute(s -> {
          long id = resourceId == null ? ids.nextId() : resourceId;
          keys.claim(buyerId, scope, key, hash, id, now());
          return work.apply(id);
        });
      } catch (DuplicateKeyException | PessimisticLockingFailureException lostTheClaim) {
        Optional<Order> first = reading.execute(s -> keys.find(buyerId, scope, key).map(claimed -> {
          if (!claimed.requestHash().equals(hash)) {
            throw new IdempotencyKeyReused();
          }
          return orders.find(buyerId, claimed.resourceId())
              .orElseThrow(() -> new OrderNotFound(claimed.resourceId()));
        }));
        if (first.isPresent()) {
          return first.get();
        }
      }
    }
    throw new IdempotentRequestInProgress();
  }

  private static List<StockLine> stockLines(Order order) {
    return order.lines().stream().map(l -> new StockLine(l.itemId(), l.quantity())).toList();
  }

  private Instant now() {
    return UtcColumns.now(clock);
  }
}
