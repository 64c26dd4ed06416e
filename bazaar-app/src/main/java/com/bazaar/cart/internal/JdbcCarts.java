package com.bazaar.cart.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.cart.Cart;
import com.bazaar.cart.CartLine;
import com.bazaar.cart.Carts;
import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

  JdbcCarts(JdbcClient jdbc, Catalog catalog, Clock clock, @Value("${bazaar.currency}") String currency) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
    this.currency = currency;
  }

  @Override
  @Transactional(readOnly = true)
  public Cart cart(long userId) {
    List<StoredLine> stored =
        jdbc.sql("SELECT item_id, quantity FROM cart_lines WHERE user_id = ? ORDER BY added_at, item_id")
            .param(userId)
            .query((rs, n) -> new StoredLine(rs.getLong("item_id"), rs.getInt("quantity")))
            .list();
    if (stored.isEmpty()) {
      return new Cart(List.of(), Money.zero(currency));
    }
    Map<Long, ItemSummary> items = catalog.summaries(stored.stream().map(StoredLine::itemId).toList()).stream()
        .collect(Collectors.toMap(ItemSummary::id, Function.identity()));
    List<CartLine> lines = stored.stream()
        .filter(line -> items.containsKey(line.itemId()))
        .map(line -> {
          ItemSummary item = items.get(line.itemId());
          return new CartLine(item.id(), item.title(), item.price(), line.quantity());
        })
        .toList();
    Money total = lines.stream()
        .map(line -> line.price().times(line.quantity()))
        .reduce(Money.zero(lines.isEmpty() ? currency : lines.get(0).price().currency()), Money::plus);
    return new Cart(lines, total);
  }

  @Override
  @Transactional
  public Cart setQuantity(long userId, long itemId, int quantity) {
    if (quantity < 0 || quantity > MAX_QUANTITY) {
      throw new InvalidInput("quantity", "must be between 0 and " + MAX_QUANTITY);
    }
    if (quantity == 0) {
      return remove(userId, itemId);
    }
    if (catalog.findItem(itemId).isEmpty()) {
      throw new ItemNotFound(itemId);
    }
    if (!updateQuantity(userId, itemId, quantity)) {
      insertLine(userId, itemId, quantity);
    }
    return cart(userId);
  }

  @Override
  @Transactional
  public Cart remove(long userId, long itemId) {
    jdbc.sql("DELETE FROM cart_lines WHERE user_id = ? AND item_id = ?").params(userId, itemId).update();
    return cart(userId);
  }

  @Override
  @Transactional
  public void clear(long userId) {
    jdbc.sql("DELETE FROM cart_lines WHERE user_id = ?").param(userId).update();
  }

  private boolean updateQuantity(long userId, long itemId, int quantity) {
    return jdbc.sql("UPDATE cart_lines SET quantity = ? WHERE user_id = ? AND item_id = ?")
            .params(quantity, userId, itemId)
            .update() == 1;
  }

  private void insertLine(long userId, long itemId, int quantity) {
    long lines = jdbc.sql("SELECT COUNT(*) FROM cart_lines WHERE user_id = ?").param(userId).query(Long.class).single();
    if (lines >= MAX_LINES) {
      throw new InvalidInput("itemId", "a cart holds at most " + MAX_LINES + " different items");
    }
    try {
      jdbc.sql("INSERT INTO cart_lines (user_id, item_id, quantity, added_at) VALUES (?, ?, ?, ?)")
          .params(userId, itemId, quantity, toColumn(clock.instant()))
          .update();
    } catch (DuplicateKeyException e) {
      // The same shopper added the item from another tab at the same moment: last write wins.
      updateQuantity(userId, itemId, quantity);
    }
  }

  private record StoredLine(long itemId, int quantity) {}
}
