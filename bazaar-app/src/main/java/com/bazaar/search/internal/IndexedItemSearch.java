package com.bazaar.search.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.protection.CircuitBreakers;
import com.bazaar.search.FoundItem;
import com.bazaar.search.ItemSearch;
import com.bazaar.search.SearchUnavailable;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Search as the index ranks it, with what shoppers see read fresh from the catalog: the
 * index holds only text, so a price or stock change shows at once even before the index
 * catches up. An item deleted but still indexed is simply skipped.
 *
 * <p>Only the index call runs behind the {@value #BREAKER} breaker, and only after the input
 * was validated (the query here, the page window in {@link PageSpec}): a client's bad input
 * or a catalog (database) failure must never count as the index failing and switch search off
 * for everyone. Every caller, API and storefront alike, goes through this breaker.
 */
@Service
final class IndexedItemSearch implements ItemSearch {
  static final int MAX_QUERY_LENGTH = 200;
  static final String BREAKER = "search-index";

  private final ItemIndex index;
  private final Catalog catalog;
  private final CircuitBreakers breakers;

  IndexedItemSearch(ItemIndex index, Catalog catalog, CircuitBreakers breakers) {
    this.index = index;
    this.catalog = catalog;
    this.breakers = breakers;
  }

  @Override
  public Page<FoundItem> find(String query, PageSpec page) {
    if (query == null || query.isBlank()) {
      throw new InvalidInput("q", "must not be blank");
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidInput("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
    }
    ItemIndex.SearchHits hits =
        breakers.call(BREAKER, () -> index.search(query, page.offset(), page.size()), SearchUnavailable::new);
    if (hits.ids().isEmpty()) {
      return Page.of(List.of(), page, hits.total());
    }
    List<FoundItem> found = catalog.summaries(hits.ids()).stream()
        .map(item -> new FoundItem(item, hits.highlight(item.title())))
        .toList();
    return Page.of(found, page, hits.total());
  }
}
