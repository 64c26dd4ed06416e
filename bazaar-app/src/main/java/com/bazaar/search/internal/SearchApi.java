package com.bazaar.search.internal;

import com.bazaar.catalog.ItemSummaryView;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.search.ItemSearch;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search}: items best match first, Chinese and English. */
@RestController
class SearchApi {
  private final ItemSearch search;

  SearchApi(ItemSearch search) {
    this.search = search;
  }

  @GetMapping("/api/search")
  Page<ItemSummaryView> search(
      @RequestParam String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return search.search(q, new PageSpec(page, size)).map(ItemSummaryView::of);
  }
}
