package com.bazaar.storefront;

import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.PriceRange;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a list page was asked for besides the page: the order and the price range, as the
 * shopper typed them (prices in yuan), and how to link to another page of the same list. The
 * API takes the same orders under the same names, and prices in fen.
 */
public record Browsing(
    String path,
    @Nullable String query,
    String sort,
    String defaultSort,
    @Nullable String min,
    @Nullable String max,
    List<SortOption> sorts) {
  static final String RELEVANCE = "relevance";
  /** Pages shown around the current one in the pager. */
  private static final int AROUND = 2;

  /** A choice of the sort box. */
  public record SortOption(String value) {
    /** The message key of the choice's name, read in the page's language. */
    public String labelKey() {
      return "browse.sort." + value;
    }
  }

  static Browsing of(String path, @Nullable String query, @Nullable String sort, @Nullable String min, @Nullable String max) {
    List<SortOption> sorts = new ArrayList<>();
    if (query != null) {
      sorts.add(new SortOption(RELEVANCE));
    }
    sorts.add(new SortOption(ItemOrder.NEWEST.param()));
    sorts.add(new SortOption(ItemOrder.PRICE_ASC.param()));
    sorts.add(new SortOption(ItemOrder.PRICE_DESC.param()));
    sorts.add(new SortOption(ItemOrder.SALES.param()));
    String defaultSort = sorts.get(0).value();
    String chosen = sort == null || sort.isBlank() ? defaultSort : sort.strip();
    if (sorts.stream().noneMatch(o -> o.value().equals(chosen))) {
      throw new InvalidInput("sort", "refusal.oneOf",
          String.join(", ", sorts.stream().map(SortOption::value).toList()));
    }
    return new Browsing(path, query, chosen, defaultSort, blankToNull(min), blankToNull(max), List.copyOf(sorts));
  }

  /** Empty for best match (search's default). */
  Optional<ItemOrder> order() {
    return RELEVANCE.equals(sort) ? Optional.empty() : Optional.of(ItemOrder.of(sort));
  }

  PriceRange price() {
    return PriceRange.of(
        min == null ? null : YuanAmount.toFen(min, "minPrice"),
        max == null ? null : YuanAmount.toFen(max, "maxPrice"));
  }

  /** Part of a kept grid's key: everything but the page. */
  String key() {
    return sort + "|" + price().min() + "|" + price().max();
  }

  /** The link to page {@code page} (0-based) of this list. */
  public String href(int page) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    if (query != null) {
      uri.queryParam("q", query);
    }
    if (!sort.equals(defaultSort)) {
      uri.queryParam("sort", sort);
    }
    if (min != null) {
      uri.queryParam("min", min);
    }
    if (max != null) {
      uri.queryParam("max", max);
    }
    if (page > 0) {
      uri.queryParam("page", page);
    }
    return uri.encode().build().toUriString();
  }

  /** The page numbers (0-based) the pager links to, -1 where it leaves a gap: 1 … 4 5 [6] 7 8 … 20. */
  public List<Integer> numbers(Page<?> page) {
    int last = page.reachablePages() - 1;
    int from = Math.max(0, page.page() - AROUND);
    int to = Math.min(last, page.page() + AROUND);
    List<Integer> numbers = new ArrayList<>();
    if (from > 0) {
      numbers.add(0);
      if (from > 1) {
        numbers.add(-1);
      }
    }
    for (int n = from; n <= to; n++) {
      numbers.add(n);
    }
    if (to < last) {
      if (to < last - 1) {
        numbers.add(-1);
      }
      numbers.add(last);
    }
    return numbers;
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
