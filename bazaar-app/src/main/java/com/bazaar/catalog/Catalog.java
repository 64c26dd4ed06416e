package com.bazaar.catalog;

import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The catalog module's API: categories and items, read through the cache, with the stock
 * that the inventory module reports. Admin writes publish {@link ItemChanged}.
 */
public interface Catalog {
  int SALES_RANKED = 10_000;

  List<Category> categories();

  /** The item, from the cache when it can; throws {@link ItemNotFound}. */
  ItemDetail item(ItemId itemId);

  Optional<ItemDetail> findItem(ItemId itemId);

  /** Items of one category (all items when empty), newest first. */
  default Page<ItemSummary> items(Optional<CategoryId> categoryId, PageSpec page) {
    return items(categoryId, PriceRange.ANY, ItemOrder.NEWEST, page);
  }

  /**
   * Items of one category (all items when empty) priced within the range, in the order asked.
   * Best-selling first ranks the newest {@value #SALES_RANKED} items that match: a page can
   * reach no further anyway (PageSpec's window).
   */
  Page<ItemSummary> items(Optional<CategoryId> categoryId, PriceRange price, ItemOrder order, PageSpec page);

  /**
   * Of these items (e.g. search hits), those priced within the range, in the order asked;
   * unknown ids are skipped. Lets search filter and sort its matches without a second index.
   */
  List<ItemId> arrange(List<ItemId> itemIds, PriceRange price, ItemOrder order);

  /**
   * Replaces the item's picture; throws {@link com.bazaar.platform.InvalidInput} naming
   * {@code image} for anything but a PNG, JPEG or WebP within {@value ItemImage#MAX_BYTES} bytes
   * (told by its content, not its name), before anything is written.
   */
  ItemDetail attachImage(ItemId itemId, byte[] image);

  /** A stored picture by the name in its URL; empty if there is none. */
  Optional<ItemImage> image(String name);

  /** The items with these ids, in the order given; unknown ids are skipped. */
  List<ItemSummary> summaries(List<ItemId> itemIds);

  /**
   * Title and current price of the items with these ids, in the order given; unknown ids are
   * skipped (as {@link #summaries}). One read fewer than summaries: no stock (carts, pricing).
   */
  List<PricedItem> priced(List<ItemId> itemIds);

  ItemDetail create(ItemDraft draft);

  ItemDetail update(ItemId itemId, ItemDraft draft);

  /** Adds (or, if negative, removes) stock; throws OutOfStock if it would go below zero. */
  ItemDetail adjustStock(ItemId itemId, long delta);

  /** Visits every item, page by page, e.g. to rebuild a search index. */
  void forEachItem(Consumer<ItemDetail> visitor);
}
