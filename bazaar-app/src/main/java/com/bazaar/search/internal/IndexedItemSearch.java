package com.bazaar.search.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.search.ItemSearch;
import org.springframework.stereotype.Service;

/** Ranks with the index, then reads current prices and stock from the catalog. */
@Service
class IndexedItemSearch implements ItemSearch {
  static final int MAX_QUERY_LENGTH = 200;

  private final ItemIndex index;
  private final Catalog catalog;

  IndexedItemSearch(ItemIndex index, Catalog catalog) {
    this.index = index;
    this.catalog = catalog;
  }

  @Override
  public Page<ItemSummary> search(String query, PageSpec page) {
    if (query == null || query.isBlank()) {
      throw new InvalidInput("q", "must not be blank");
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidInput("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
    }
    ItemIndex.Hits hits = index.search(query, page.offset(), page.size());
    return Page.of(catalog.summaries(hits.ids()), page, hits.total());
  }
}
