package com.bazaar.search.internal;

import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.PriceRange;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.search.FoundItem;
import com.bazaar.search.ItemSearch;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=&page=&size=}: a page of items, best match first, and
 * {@code GET /api/search/suggestions?q=}: the best few while the shopper types (API.md). A
 * failing index answers 503 at once (its breaker, in {@link IndexedItemSearch}), while
 * /api/items keeps browsing from the database.
 */
@RestController
final class SearchApi {
  static final int SUGGESTIONS = 8;
  static final String RELEVANCE = "relevance";

  private final ItemSearch search;

  SearchApi(ItemSearch search) {
    this.search = search;
  }

  // q is optional here only so that a missing q gets the same field error as a blank one.
  // sort: relevance (best match first, the default) or one of the catalog's orders.
  @Operation(summary = "Search items, best match first")
  @GetMapping("/api/search")
  Page<SearchResultView> search(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = RELEVANCE) String sort,
      @RequestParam(required = false) @Nullable Long minPrice,
      @RequestParam(required = false) @Nullable Long maxPrice,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Optional<ItemOrder> order = order(sort);
    PriceRange price = PriceRange.of(minPrice, maxPrice);
    return search.find(q, price, order, new PageSpec(page, size)).map(SearchResultView::of);
  }

  /** Empty for relevance; a 400 listing every allowed value for anything unknown. */
  static Optional<ItemOrder> order(String sort) {
    if (RELEVANCE.equals(sort)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ItemOrder.of(sort));
    } catch (InvalidInput e) {
      throw new InvalidInput("sort", "refusal.oneOf", RELEVANCE + ", " + String.join(", ", ItemOrder.params()));
    }
  }

  /** While typing, an empty box is normal: it suggests nothing rather than answering 400. */
  @Operation(summary = "Suggestions while the shopper types")
  @GetMapping("/api/search/suggestions")
  Suggestions suggestions(@RequestParam(required = false) String q) {
    if (q == null || q.isBlank()) {
      return new Suggestions(List.of());
    }
    return new Suggestions(search.find(q, new PageSpec(0, SUGGESTIONS)).content().stream().map(Suggestion::of).toList());
  }

  record Suggestions(List<Suggestion> suggestions) {}

  /** An item to offer while typing: its id, its title and the title highlighted (HTML). */
  record Suggestion(String id, String title, String highlight) {
    static Suggestion of(FoundItem found) {
      return new Suggestion(String.valueOf(found.item().id().value()), found.item().title(), found.highlight());
    }
  }
}
