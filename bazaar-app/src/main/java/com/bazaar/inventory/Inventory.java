package com.bazaar.inventory;

import com.bazaar.platform.id.ItemId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The inventory module's API: how many of each item can be bought now. Stock never goes
 * below zero: each take is a conditional update in the database, so concurrent buyers of
 * the last unit cannot both succeed. Every change publishes {@link StockChanged}.
 */
public interface Inventory {
  /** The most one item may have in stock (API.md); an adjustment past it is refused. */
  long MAX_STOCK = 1_000_000;

  /** Records the starting stock of a new item; throws {@link AlreadyStocked} if it has one. */
  void stockNewItem(ItemId itemId, long quantity);

  /** Records the starting stock of many new items at once (e.g. a seeded catalog), all or none: {@link AlreadyStocked} names one that has one. */
  default void stockNewItems(Map<ItemId, Long> quantities) {
    quantities.forEach(this::stockNewItem);
  }

  long available(ItemId itemId);

  /** The items with at most {@code atMost} units left, fewest first, at most {@code limit} of them (admins' low-stock list). */
  List<StockLevel> lowest(long atMost, int limit);

  /** Available stock of each known item; unknown ids are absent. */
  Map<ItemId, Long> available(Collection<ItemId> itemIds);

  /**
   * Takes every line from stock, all or nothing, inside the caller's transaction (which
   * must exist); throws {@link OutOfStock} naming the first short item.
   */
  void reserve(List<StockLine> lines);

  /** Gives the lines back to stock, inside the caller's transaction. */
  void release(List<StockLine> lines);

  /**
   * Adds delta (may be negative) and answers the new level; throws OutOfStock below zero,
   * InvalidInput above {@link #MAX_STOCK}, and {@link StockNotFound} for an item that was never stocked.
   */
  long adjust(ItemId itemId, long delta);

  /** Sets the level outright (an admin's count); throws {@link StockNotFound} if never stocked. */
  void set(ItemId itemId, long quantity);

  /**
   * Every item whose received units are on record (all stocked since stage 15), in item id
   * order, read inside the caller's transaction if there is one: the stock side of the stock
   * accounting the operations page checks.
   */
  List<StockCount> counts();
}
