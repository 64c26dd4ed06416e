package com.bazaar.cart.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.cart.Cart;
import com.bazaar.cart.CartChanged;
import com.bazaar.cart.CartLine;
import com.bazaar.cart.Carts;
import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.catalog.PricedItem;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.data.LockConflictRetry;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carts in the {@code cart_lines} table. Titles and prices are not stored: the catalog is asked
 * at every read (it caches), so a cart always shows today's price and never joins across the
 * trade/catalog boundary. Lines of items that have left the catalog are simply not shown.
 */
@Service
class JdbcCarts implements Carts {
  /** Bounds the work one cart read can cause. */
  static final int MAX_LINES = 100;

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final Clock clock;
  private final String currency;
  private final TransactionTemplate writing;
  private final LockConflictRetry retry;
  private final ApplicationEventPublisher events;

  JdbcCarts(
      JdbcClient jdbc,
      Catalog catalog,
      Clock clock,
      @Value("${bazaar.currency}") String currency,
      PlatformTransactionManager transactions,
      LockConflictRetry retry,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
    this.currency = currency;
    this.writing = new TransactionTemplate(transactions);
    // Read committed: a shopper's cart rows are locked by primary key only, never the gaps
    // between shoppers, so one shopper's cart write cannot wait on (or deadlock with) another's.
    // A write that joins a caller's transaction (clear, while an order is placed) keeps its level.
    // Adding and removing one line need no transaction at all (see setQuantity).
    this.writing.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.retry = retry;
    this.events = events;
  }

  /**
   * No transaction of its own: one read of the cart's rows, then the catalog's (cached) view of
   * its items, which a snapshot would not make truer. A read-only transaction here cost three
   * round trips more (autocommit off, commit, autocommit on) on every cart read, twice per
   * "add to cart" (docs/benchmarks.md, Fast paths). Inside a caller's transaction it reads there.
   */
  @Override
  public Cart cart(UserId user) {
    long userId = user.value();
    List<StoredLine> stored =
        jdbc.sql("SELECT item_id, quantity FROM cart_lines WHERE user_id = ? ORDER BY added_at, item_id")
            .param(userId)
            .query((rs, n) -> new StoredLine(rs.getLong("item_id"), rs.getInt("quantity")))
            .list();
    if (stored.isEmpty()) {
      return new Cart(List.of(), Money.zero(currency));
    }
    Map<Long, PricedItem> items = catalog.priced(stored.stream().map(line -> ItemId.of(line.itemId())).toList()).stream()
        .collect(Collectors.toMap(item -> item.id().value(), Function.identity()));
    List<CartLine> lines = stored.stream()
        .flatMap(line -> Optional.ofNullable(items.get(line.itemId()))
            .map(item -> new CartLine(item.id(), item.title(), item.price(), line.quantity()))
            .stream())
        .toList();
    Money total = lines.stream()
        .map(line -> line.price().times(line.quantity()))
        .reduce(Money.zero(lines.isEmpty() ? currency : lines.get(0).price().currency()), Money::plus);
    return new Cart(lines, total);
  }

  @Override
  public long units(UserId user) {
    long userId = user.value();
    return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM cart_lines WHERE user_id = ?")
        .param(userId)
        .query(Long.class)
        .single();
  }

  @Override
  public Cart setQuantity(UserId user, ItemId item, int quantity) {
    long userId = user.value();
    long itemId = item.value();
    if (quantity < 0 || quantity > MAX_QUANTITY) {
      throw new InvalidInput("quantity", "refusal.between", 0, MAX_QUANTITY);
    }
    if (quantity == 0) {
      return remove(user, item);
    }
    if (catalog.findItem(item).isEmpty()) {
      throw new ItemNotFound(item);
    }
    // No transaction: each statement commits on its own, as one line is one row. The update and
    // the upsert each hold their locks (at most the line and the gap before it) only while they
    // run, never across statements, so no other shopper's write can wait on them for long or
    // close a deadlock cycle with them (a statement chosen as a victim runs again: retry). The
    // transaction, at read committed so with the isolation set and reset, cost five round trips
    // more on every add to cart (docs/benchmarks.md, Fast paths).
    retry.run(() -> {
      if (!updateQuantity(userId, itemId, quantity)) {
        insertLine(userId, itemId, quantity);
      }
    });
    events.publishEvent(new CartChanged(userId));
    return cart(user);
  }

  @Override
  public Cart remove(UserId user, ItemId item) {
    long userId = user.value();
    long itemId = item.value();
    // One statement by primary key: no transaction needed (see setQuantity).
    retry.run(() -> jdbc
        .sql("DELETE FROM cart_lines WHERE user_id = ? AND item_id = ?")
        .params(userId, itemId)
        .update());
    events.publishEvent(new CartChanged(userId));
    return cart(user);
  }

  /**
   * Deletes the lines by primary key, never by a range of {@code user_id}: a range delete locks
   * the gap after the shopper's last line too, where the next shopper's lines go, and deadlocked
   * with that shopper's insert. Lines added while the order was being placed stay in the cart.
   */
  @Override
  public void clear(UserId user) {
    long userId = user.value();
    retry.run(() -> writing.executeWithoutResult(s -> {
      List<Long> itemIds = jdbc.sql("SELECT item_id FROM cart_lines WHERE user_id = ?")
          .param(userId)
          .query(Long.class)
          .list();
      if (!itemIds.isEmpty()) {
        jdbc.sql("DELETE FROM cart_lines WHERE user_id = :user AND item_id IN (:items)")
            .param("user", userId)
            .param("items", itemIds)
            .update();
        events.publishEvent(new CartChanged(userId));
      }
    }));
  }

  private boolean updateQuantity(long userId, long itemId, int quantity) {
    return jdbc.sql("UPDATE cart_lines SET quantity = ? WHERE user_id = ? AND item_id = ?")
            .params(quantity, userId, itemId)
            .update() == 1;
  }

  /** An upsert: two tabs adding the same item at once end with one line, the last quantity. */
  private void insertLine(long userId, long itemId, int quantity) {
    long lines = jdbc.sql("SELECT COUNT(*) FROM cart_lines WHERE user_id = ?").param(userId).query(Long.class).single();
    if (lines >= MAX_LINES) {
      throw new InvalidInput("itemId", "refusal.cart.tooManyItems", MAX_LINES);
    }
    jdbc.sql("INSERT INTO cart_lines (user_id, item_id, quantity, added_at) VALUES (?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE quantity = VALUES(quantity)")
        .params(userId, itemId, quantity, toColumn(clock.instant()))
        .update();
  }

  private record StoredLine(long itemId, int quantity) {}
}
