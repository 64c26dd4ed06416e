package com.bazaar.search.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.PriceRange;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.protection.CircuitBreakers;
import com.bazaar.search.FoundItem;
import com.bazaar.search.ItemSearch;
import com.bazaar.search.SearchUnavailable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>Until this node's index has been built from the catalog ({@link IndexBuild}), search
 * answers 503 ({@link SearchUnavailable}) after validating the input, without touching the breaker.
 */
@Service
final class IndexedItemSearch implements ItemSearch {
  static final int MAX_QUERY_LENGTH = 200;
  static final String BREAKER = "search-index";

  private final ItemIndex index;
  private final Catalog catalog;
  private final CircuitBreakers breakers;
  private final IndexBuild build;

  IndexedItemSearch(ItemIndex index, Catalog catalog, CircuitBreakers breakers, IndexBuild build) {
    this.index = index;
    this.catalog = catalog;
    this.breakers = breakers;
    this.build = build;
  }

  @Override
  public Page<FoundItem> find(String query, PriceRange price, Optional<ItemOrder> order, PageSpec page) {
    if (query == null || query.isBlank()) {
      throw new InvalidInput("q", "refusal.notBlank");
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidInput("q", "refusal.atMostCharacters", MAX_QUERY_LENGTH);
    }
    if (!build.isBuilt()) {
      throw build.refusal(); // an empty or half-built index would answer "nothing found": untrue
    }
    if (price.isAny() && order.isEmpty()) {
      ItemIndex.SearchHits hits =
          breakers.call(BREAKER, () -> index.search(query, page.offset(), page.size()), SearchUnavailable::new);
      return found(hits, typed(hits.ids()), page, hits.total());
    }
    return arranged(query, price, order, page);
  }

  /**
   * Every match within the window (ids only), filtered by price and reordered by the catalog,
   * then one page of them loaded: the index holds text, not prices or sales.
   */
  private Page<FoundItem> arranged(String query, PriceRange price, Optional<ItemOrder> order, PageSpec page) {
    ItemIndex.SearchHits hits =
        breakers.call(BREAKER, () -> index.search(query, 0, PageSpec.MAX_WINDOW), SearchUnavailable::new);
    List<ItemId> matched = typed(hits.ids());
    List<ItemId> ids;
    if (order.isPresent()) {
      ids = catalog.arrange(matched, price, order.get());
    } else {
      Set<ItemId> kept = Set.copyOf(catalog.arrange(matched, price, ItemOrder.NEWEST));
      ids = matched.stream().filter(kept::contains).toList();
    }
    List<ItemId> slice = ids.subList(Math.min(ids.size(), page.offset()), Math.min(ids.size(), page.offset() + page.size()));
    return found(hits, slice, page, ids.size());
  }

  private static List<ItemId> typed(List<Long> ids) {
    return ids.stream().map(ItemId::of).toList();
  }

  private Page<FoundItem> found(ItemIndex.SearchHits hits, List<ItemId> ids, PageSpec page, long total) {
    if (ids.isEmpty()) {
      return Page.of(List.of(), page, total);
    }
    List<FoundItem> found = catalog.summaries(ids).stream()
        .map(item -> new FoundItem(item, hits.highlight(item.title())))
        .toList();
    return Page.of(found, page, total);
  }
}
