package com.bazaar.search;

import com.bazaar.catalog.ItemSummary;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;

/**
 * The search module's API: full-text search over item titles and descriptions, Chinese and
 * English, best match first. Compound Chinese words match typed with or without spaces,
 * brand and category names match across languages, and the last word matches as a prefix
 * while it is being typed. The index is fed by catalog events.
 */
public interface ItemSearch {

  /** The items found, each with its title highlighted. */
  Page<FoundItem> find(String query, PageSpec page);

  default Page<ItemSummary> search(String query, PageSpec page) {
    return find(query, page).map(FoundItem::item);
  }
}
