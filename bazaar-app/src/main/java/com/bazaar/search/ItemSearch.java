package com.bazaar.search;

import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.catalog.PriceRange;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import java.util.Optional;

/**
 * The search module's API: full-text search over item titles and descriptions, Chinese and
 * English, best match first. Compound Chinese words match typed with or without spaces,
 * brand and category names match across languages, and the last word matches as a prefix
 * while it is being typed. The index is fed by catalog events.
 */
public interface ItemSearch {

  /** The items found, each with its title highlighted. */
  default Page<FoundItem> find(String query, PageSpec page) {
    return find(query, PriceRange.ANY, Optional.empty(), page);
  }

  /**
   * The items found priced within the range, best match first or in the order given. Filtered
   * or reordered, the matches within PageSpec's window are ranked (a page reaches no further).
   */
  Page<FoundItem> find(String query, PriceRange price, Optional<ItemOrder> order, PageSpec page);

  default Page<ItemSummary> search(String query, PageSpec page) {
    return find(query, page).map(FoundItem::item);
  }
}
