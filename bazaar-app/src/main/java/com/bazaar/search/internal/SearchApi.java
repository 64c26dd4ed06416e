package com.bazaar.search.internal;

import com.bazaar.catalog.ItemSummaryView;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.search.ItemSearch;
import com.bazaar.search.SearchUnavailable;
import com.bazaar.platform.protection.CircuitBreakers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search?q=&page=&size=}: a page of items, best match first (API.md). */
@RestController
final class SearchApi {
  static final String BREAKER = "search-index";
  private final ItemSearch search;
  private final CircuitBreakers breakers;

  SearchApi(ItemSearch search, CircuitBreakers breakers) {
    this.search = search;
    this.breakers = breakers;
  }

  // q is optional here only so that a missing q gets the same field error as a blank one.
  @GetMapping("/api/search")
  Page<ItemSummaryView> search(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    // A failing index answers 503 at once (the breaker), while /api/items keeps browsing from the database.
    return breakers.call(BREAKER, () -> search.search(q, new PageSpec(page, size)), SearchUnavailable::new)
        .map(ItemSummaryView::of);
  }
}
