package com.bazaar.search.internal;

import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.search.ItemSearch;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=&page=&size=}: a page of items, best match first (API.md). A
 * failing index answers 503 at once (its breaker, in {@link IndexedItemSearch}), while
 * /api/items keeps browsing from the database.
 */
@RestController
final class SearchApi {
  private final ItemSearch search;

  SearchApi(ItemSearch search) {
    this.search = search;
  }

  // q is optional here only so that a missing q gets the same field error as a blank one.
  @GetMapping("/api/search")
  Page<SearchResultView> search(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return search.find(q, new PageSpec(page, size)).map(SearchResultView::of);
  }
}
