package com.bazaar.search.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.search.ItemSearch;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Search as the index ranks it, with what shoppers see read fresh from the catalog: the
 * index holds only text, so a price or stock change shows at once even before the index
 * catches up. An item deleted but still indexed is simply skipped.
 */
@Service
final class IndexedItemSearch implements ItemSearch {
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
    ItemIndex.SearchHits hits = index.search(query, page.offset(), page.size());
    if (hits.ids().isEmpty()) {
      return Page.of(List.of(), page, hits.total());
    }
    return Page.of(catalog.summaries(hits.ids()), page, hits.total());
  }
}
