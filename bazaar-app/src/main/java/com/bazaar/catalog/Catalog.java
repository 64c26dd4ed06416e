package com.bazaar.catalog;

import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The catalog module's API: categories and items, read through the cache, with the stock
 * that the inventory module reports. Admin writes publish {@link ItemChanged}.
 */
public interface Catalog {

  List<Category> categories();

  /** The item, from the cache when it can; throws {@link ItemNotFound}. */
  ItemDetail item(long itemId);

  Optional<ItemDetail> findItem(long itemId);

  /** Items of one category (all items when empty), newest first. */
  Page<ItemSummary> items(Optional<Long> categoryId, PageSpec page);

  /** The items with these ids, in the order given; unknown ids are skipped. */
  List<ItemSummary> summaries(List<Long> itemIds);

  ItemDetail create(ItemDraft draft);

  ItemDetail update(long itemId, ItemDraft draft);

  /** Adds (or, if negative, removes) stock; throws OutOfStock if it would go below zero. */
  ItemDetail adjustStock(long itemId, long delta);

  /** Visits every item, page by page, e.g. to rebuild a search index. */
  void forEachItem(Consumer<ItemDetail> visitor);
}
