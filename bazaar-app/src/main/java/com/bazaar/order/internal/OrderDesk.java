package com.bazaar.order.internal;

import com.bazaar.cart.Cart;
import com.bazaar.cart.Carts;
import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.StockLine;
import com.bazaar.order.IdempotentRequestInProgress;
import com.bazaar.order.Order;
import com.bazaar.order.OrderLine;
import com.bazaar.order.OrderNotCancellable;
import com.bazaar.order.OrderNotFound;
import com.bazaar.order.OrderNotPayable;
import com.bazaar.order.OrderRequestLine;
import com.bazaar.order.OrderStatus;
import com.bazaar.order.Ordering;
import com.bazaar.order.internal.Reservations.State;
import com.bazaar.payment.Payments;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.data.LockConflictRetry;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places, pays and cancels orders.
 *
 * <p>Stock, payments, idempotency keys and the order's stock reservation live in the
 * application database; the order rows live in the {@link OrderStore}, which may be other
 * databases (the shards). So placing is three steps: take the stock and hold it in a
 * reservation row (one local transaction), insert the order in its shard, then mark the
 * reservation placed. If the insert fails the stock goes back at once; if the node dies in
 * between, {@link ReservationRecovery} settles the reservation later. Paying and cancelling
 * lock the order row in its shard and let the reservation row decide, in the stock's own
 * transaction, whether the stock is sold or given back; so stock is returned at most once
 * and a paid order is never cancelled, whichever step a crash interrupts.
 *
 * <p>When the order store shares the application's transactions (one database), each flow
 * runs in one local transaction as before, reservation row included. When a flow needs both
 * at once, it takes the shard's connection first and the application's second, never the
 * other way round, so two flows can never each hold what the other waits for.
 *
 * <p>Requests with an Idempotency-Key claim the key in the first step; a retry that finds
 * the key claimed answers with the first result instead.
 */
@Service
class OrderDesk implements Ordering {
  static final String PLACE_SCOPE = "order";
  static final String PAY_SCOPE = "pay";
  /**
   * A retry that loses the race for its key looks for the winner's result this many times at
   * most, waiting a little longer each time: with sharded orders the key commits before the
   * order row does, so the winner's order may be a few milliseconds from readable.
   */
  private static final int CLAIM_ATTEMPTS = 10;
  private static final long CLAIM_BACKOFF_MS = 20;

  private final Orders orders;
  private final OrderStore store;
  private final IdempotencyKeys keys;
  private final Reservations reservations;
  private final Catalog catalog;
  private final Inventory inventory;
  private final Carts carts;
  private final Payments payments;
  private final OrderIdGenerator ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final OrderProperties properties;
  private final OrderLimits limits;
  private final PendingOrderLimits pendingLimits;
  private final TransactionTemplate writing;
  private final OrderMeters meters;
  private final LockConflictRetry lockConflicts;

  OrderDesk(
      Orders orders,
      OrderStore store,
      IdempotencyKeys keys,
      Reservations reservations,
      Catalog catalog,
      Inventory inventory,
      Carts carts,
      Payments payments,
      OrderIdGenerator ids,
      Clock clock,
      ApplicationEventPublisher events,
      OrderProperties properties,
      OrderLimits limits,
      PendingOrderLimits pendingLimits,
      PlatformTransactionManager transactions,
      OrderMeters meters,
      LockConflictRetry lockConflicts) {
    this.meters = meters;
    this.orders = orders;
    this.store = store;
    this.keys = keys;
    this.reservations = reservations;
    this.catalog = catalog;
    this.inventory = inventory;
    this.carts = carts;
    this.payments = payments;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.properties = properties;
    this.limits = limits;
    this.pendingLimits = pendingLimits;
    this.writing = new TransactionTemplate(transactions);
    this.lockConflicts = lockConflicts;
  }

  /** Records the event in the outbox with the change, and counts it once that commits. */
  private void publish(Object event) {
    events.publishEvent(event);
    meters.countOnCommit(event);
  }

  @Override
  public Order place(long buyerId, List<OrderRequestLine> lines, Optional<String> idempotencyKey) {
    RequestedLines requested = RequestedLines.of(lines, limits);
    return once(buyerId, PLACE_SCOPE, idempotencyKey, requested.canonical(),
        claim -> placeNow(buyerId, claim, () -> requested, Map.of(), true, () -> {}));
  }

  @Override
  public Order placeAtPrice(long buyerId, OrderRequestLine line, Money unitPrice, String idempotencyKey) {
    RequestedLines requested = RequestedLines.of(List.of(line), limits);
    // A flash sale caps each buyer itself (FlashSaleDesk), and its queued ticket must become an order.
    return once(buyerId, PLACE_SCOPE, Optional.of(idempotencyKey), requested.canonical() + "@" + unitPrice,
        claim -> placeNow(buyerId, claim, () -> requested, Map.of(line.itemId(), unitPrice), false, () -> {}));
  }

  @Override
  public Order placeFromCart(long buyerId, Optional<String> idempotencyKey) {
    return once(buyerId, PLACE_SCOPE, idempotencyKey, "fromCart", claim -> placeNow(buyerId, claim, () -> {
      Cart cart = carts.cart(buyerId);
      if (cart.isEmpty()) {
        throw new EmptyCart();
      }
      return RequestedLines.of(
          cart.lines().stream().map(l -> new OrderRequestLine(l.itemId(), l.quantity())).toList(), limits);
    }, Map.of(), true, () -> carts.clear(buyerId)));
  }

  @Override
  public Order pay(long buyerId, long orderId, Optional<String> idempotencyKey) {
    return once(buyerId, PAY_SCOPE, idempotencyKey, "pay:" + orderId, claim -> payNow(buyerId, orderId, claim));
  }

  @Override
  public Order cancel(long buyerId, long orderId) {
    Order order = store.writing().execute(s -> {
      Order locked = orders.lock(buyerId, orderId).orElseThrow(() -> new OrderNotFound(orderId));
      return locked.status() == OrderStatus.PENDING_PAYMENT ? cancelLocked(locked, now()) : locked;
    });
    if (order.status() == OrderStatus.PAID) {
      throw new OrderNotCancellable(orderId, order.status());
    }
    return order; // a repeated cancel changes nothing and returns no stock twice
  }

  @Override
  public Order order(long buyerId, long orderId) {
    return store.reading().execute(s -> orders.find(buyerId, orderId)).orElseThrow(() -> new OrderNotFound(orderId));
  }

  @Override
  public Page<Order> orders(long buyerId, PageSpec page) {
    return store.reading().execute(s -> Page.of(orders.page(buyerId, page), page, orders.count(buyerId)));
  }

  /** Every buyer's orders, newest first: the admin's view, across all shards. */
  Page<Order> allOrders(PageSpec page) {
    return store.reading().execute(s -> Page.of(orders.pageAll(page), page, orders.countAll()));
  }

  /** Cancels the order if it is still unpaid past its deadline; answers whether it did. */
  public boolean cancelOverdue(long orderId) {
    Instant now = now();
    return Boolean.TRUE.equals(store.writing().execute(s -> orders.lock(orderId)
        .filter(o -> o.status() == OrderStatus.PENDING_PAYMENT && !o.isPayableAt(now))
        .map(o -> cancelLocked(o, now).status() == OrderStatus.CANCELLED)
        .orElse(false)));
  }

  /**
   * @param setPrices unit prices that replace the catalog's (a flash sale's), by item id
   * @param limited whether the buyer's {@link OrderLimits} on unpaid orders apply
   */
  private Order placeNow(long buyerId, Optional<KeyClaim> claim, Supplier<RequestedLines> requested,
      Map<Long, Money> setPrices, boolean limited, Runnable whenPlaced) {
    if (limited) {
      pendingLimits.prepare(buyerId);
    }
    Supplier<Order> steps = () -> {
      Order order = writing.execute(s -> {
        if (limited) {
          pendingLimits.lock(buyerId);
        }
        Order placed = newOrder(ids.nextId(buyerId), buyerId, requested.get(), setPrices);
        claim.ifPresent(c -> c.claim(placed.id()));
        if (limited) {
          // after the claim: a retry of a placed order finds its first result instead of a limit
          pendingLimits.admit(buyerId, stockLines(placed));
        }
        inventory.reserve(stockLines(placed));
        reservations.hold(placed.id(), buyerId, stockLines(placed), now());
        return placed;
      });
      insertOrGiveBack(order, claim);
      boolean abandoned = Boolean.TRUE.equals(writing.execute(s -> {
        if (!reservations.move(order.id(), State.PLACED, now(), State.HELD)
            && reservations.state(order.id()).orElseThrow() == State.RELEASED) {
          return true;
        }
        whenPlaced.run();
        publish(new Order.OrderPlaced(order.id(), buyerId));
        return false;
      }));
      if (abandoned) {
        // The recovery job gave up on this order before its row landed: it must not stand without stock.
        store.writing().executeWithoutResult(t -> orders.delete(order.id()));
        throw new IllegalStateException("order " + order.id() + " was abandoned while being placed");
      }
      return order;
    };
    // In one database the placement is one transaction, whole again after a deadlock: it runs
    // again. Sharded, its steps commit one by one and a failed step is settled by recovery.
    return store.separate() ? steps.get() : lockConflicts.run(() -> writing.execute(s -> steps.get()));
  }

  private void insertOrGiveBack(Order order, Optional<KeyClaim> claim) {
    try {
      meters.observeInsert(() -> store.writing().executeWithoutResult(s -> orders.insert(order)));
    } catch (RuntimeException e) {
      if (store.separate()) {
        writing.executeWithoutResult(s -> {
          giveBack(order.id());
          claim.ifPresent(KeyClaim::release);
        });
      }
      throw e;
    }
  }

  /**
   * Settles a reservation left HELD by a placement that never finished: the order is placed
   * if its row reached its shard, and its stock goes back otherwise.
   */
  void settleHeld(long orderId, long buyerId) {
    boolean landed = Boolean.TRUE.equals(store.reading().execute(s -> orders.exists(orderId)));
    writing.executeWithoutResult(s -> {
      if (landed && reservations.move(orderId, State.PLACED, now(), State.HELD)) {
        publish(new Order.OrderPlaced(orderId, buyerId));
      } else if (!landed && giveBack(orderId)) {
        keys.releaseAll(PLACE_SCOPE, orderId); // a retry with the same key places the order anew
      }
    });
  }

  /** Returns the reservation's stock unless it was returned or sold already; answers whether it did. */
  boolean giveBack(long orderId) {
    if (!reservations.move(orderId, State.RELEASED, now(), State.HELD, State.PLACED)) {
      return false;
    }
    inventory.release(reservations.stock(orderId));
    return true;
  }

  private Order payNow(long buyerId, long orderId, Optional<KeyClaim> claim) {
    Order paid = store.writing().execute(s -> {
      Order order = orders.lock(buyerId, orderId).orElseThrow(() -> new OrderNotFound(orderId));
      Instant now = now();
      order.markPaid(now);
      State decided = writing.execute(t -> {
        claim.ifPresent(c -> c.claim(orderId));
        if (!reservations.move(orderId, State.PAID, now, State.PLACED)) {
          return reservations.state(orderId).orElseThrow();
        }
        payments.collect(order.id(), buyerId, order.total());
        publish(new Order.OrderPaid(order.id(), buyerId));
        return State.PAID;
      });
      // The reservation decides; the order row follows it, repairing a step a crash cut short.
      if (decided == State.PAID) {
        orders.recordPaid(orderId, now);
        return order;
      }
      if (decided == State.RELEASED) {
        orders.recordCancelled(orderId, now);
      }
      return null;
    });
    if (paid == null) {
      throw new OrderNotPayable(orderId, OrderStatus.CANCELLED);
    }
    return paid;
  }

  /**
   * Inside the order's shard transaction, with its row locked: cancels it if the reservation
   * can still give the stock back, or records it paid if the money was collected already.
   */
  private Order cancelLocked(Order order, Instant now) {
    boolean paid = writing.execute(s -> {
      if (giveBack(order.id())) {
        publish(new Order.OrderCancelled(order.id(), order.buyerId()));
        return false;
      }
      return reservations.state(order.id()).orElseThrow() == State.PAID;
    });
    if (paid) {
      orders.recordPaid(order.id(), now);
      return orders.find(order.buyerId(), order.id()).orElseThrow();
    }
    order.cancel(now);
    orders.recordCancelled(order.id(), now);
    return order;
  }

  private Order newOrder(long orderId, long buyerId, RequestedLines requested, Map<Long, Money> setPrices) {
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
    try {
      return Order.place(orderId, buyerId, lines, now, now.plus(properties.paymentWindow()));
    } catch (ArithmeticException e) {
      throw new InvalidInput("lines", "the order total is too large");
    }
  }

  /**
   * Runs the work once per Idempotency-Key. The work claims the key (inserts its row) in its
   * first transaction; a concurrent or later attempt with the same key fails that insert (at
   * once, or once the holder commits), and then reads what the holder recorded. If the holder
   * rolled back, or gave its work up and freed the key, this attempt tries anew.
   */
  private Order once(long buyerId, String scope, Optional<String> rawKey, String canonicalRequest,
      Function<Optional<KeyClaim>, Order> work) {
    if (rawKey.isEmpty()) {
      return work.apply(Optional.empty());
    }
    KeyClaim claim = new KeyClaim(buyerId, scope, new IdempotencyKey(rawKey.get()),
        IdempotencyKey.hash(scope + "|" + canonicalRequest));
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      try {
        return work.apply(Optional.of(claim));
      } catch (DuplicateKeyException | PessimisticLockingFailureException lostTheClaim) {
        Optional<Order> first = firstResult(claim);
        if (first.isPresent()) {
          return first.get();
        }
        backOff(attempt);
      } catch (OrderNotPayable payingAgain) {
        // A retried payment that waited on the order's row lock finds it paid by its first attempt.
        return firstResult(claim).orElseThrow(() -> payingAgain);
      } catch (EmptyCart emptied) {
        // The first placement emptied the cart: a retry (a form sent again from the back button) gets that order.
        return firstResult(claim).orElseThrow(() -> emptied);
      }
    }
    throw new IdempotentRequestInProgress();
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(CLAIM_BACKOFF_MS * (attempt + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdempotentRequestInProgress();
    }
  }

  private Optional<Order> firstResult(KeyClaim claim) {
    Optional<IdempotencyKeys.Claimed> claimed = writing.execute(s -> keys.find(claim.buyerId, claim.scope, claim.key));
    if (claimed.isPresent() && !claimed.get().requestHash().equals(claim.hash)) {
      throw new IdempotencyKeyReused();
    }
    return claimed.flatMap(c -> store.reading().execute(t -> orders.find(claim.buyerId, c.resourceId())));
  }

  /** An Idempotency-Key to claim for a resource id, once the work knows the id. */
  private final class KeyClaim {
    private final long buyerId;
    private final String scope;
    private final IdempotencyKey key;
    private final String hash;

    KeyClaim(long buyerId, String scope, IdempotencyKey key, String hash) {
      this.buyerId = buyerId;
      this.scope = scope;
      this.key = key;
      this.hash = hash;
    }

    void claim(long resourceId) {
      keys.claim(buyerId, scope, key, hash, resourceId, now());
    }

    void release() {
      keys.release(buyerId, scope, key);
    }
  }

  private static List<StockLine> stockLines(Order order) {
    return order.lines().stream().map(l -> new StockLine(l.itemId(), l.quantity())).toList();
  }

  private Instant now() {
    return UtcColumns.now(clock);
  }
}
