package com.bazaar.storefront;

import com.bazaar.cart.Carts;
import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.flashsale.FlashSale;
import com.bazaar.flashsale.FlashSales;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.NotFound;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.search.ItemSearch;
import com.bazaar.search.SearchUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Browsing: the home page, a category's items, search results and an item's own page. */
@Controller
final class CatalogPages {
  static final int PAGE_SIZE = 24;

  private final Catalog catalog;
  private final ItemSearch search;
  private final ItemGrids grids;
  private final FlashSales flashSales;
  private final Clock clock;

  CatalogPages(Catalog catalog, ItemSearch search, ItemGrids grids, FlashSales flashSales, Clock clock) {
    this.catalog = catalog;
    this.search = search;
    this.grids = grids;
    this.flashSales = flashSales;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(
      ListRequest list, Model model, HttpServletRequest request, HttpServletResponse response) {
    Browsing browsing = list.browsing("/", null);
    PageSpec spec = list.pageSpec(PAGE_SIZE);
    ItemGrids.Grid grid = grids.grid("home:" + browsing.key() + ":" + spec.page(),
        () -> catalog.items(Optional.empty(), browsing.price(), browsing.order().orElseThrow(), spec), request, response);
    boolean newest = browsing.sort().equals(browsing.defaultSort());
    model.addAttribute("headingKey", newest ? "page.items.newest" : "page.items.all");
    return listPage(model, grid, browsing, "items");
  }

  @GetMapping("/categories/{id}")
  String category(
      @PathVariable long id,
      ListRequest list,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    CategoryId categoryId = CategoryId.of(id);
    Category category =
        catalog.categories().stream()
            .filter(c -> c.id().equals(categoryId))
            .findFirst()
            .orElseThrow(() -> new CategoryNotFound(id));
    Browsing browsing = list.browsing("/categories/" + id, null);
    PageSpec spec = list.pageSpec(PAGE_SIZE);
    model.addAttribute("heading", category.name());
    model.addAttribute("category", category);
    ItemGrids.Grid grid = grids.grid("category:" + id + ":" + browsing.key() + ":" + spec.page(),
        () -> catalog.items(Optional.of(categoryId), browsing.price(), browsing.order().orElseThrow(), spec), request, response);
    return listPage(model, grid, browsing, "items");
  }

  @GetMapping("/search")
  String search(
      @RequestParam(name = "q", required = false) @Nullable String query,
      ListRequest list,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String q = query == null ? "" : query.strip();
    model.addAttribute("query", q);
    if (q.isEmpty()) {
      model.addAttribute("hint", ShopText.of("page.search.hint.empty"));
      return "search";
    }
    Browsing browsing = list.browsing("/search", q);
    model.addAttribute("browse", browsing);
    try {
      PageSpec spec = list.pageSpec(PAGE_SIZE);
      ItemGrids.Grid grid = grids.searchGrid("search:" + browsing.key() + ":" + spec.page() + ":" + q,
          () -> search.find(q, browsing.price(), browsing.order(), spec), request, response);
      return listPage(model, grid, browsing, "search");
    } catch (InvalidInput e) {
      model.addAttribute("hint", "page".equals(e.field())
          ? ShopText.of("page.search.hint.tooFar", PageSpec.MAX_WINDOW)
          : ShopText.of("page.search.hint.invalid"));
    } catch (SearchUnavailable e) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
      model.addAttribute("hint", ShopText.of("page.search.hint.unavailable"));
    }
    return "search";
  }

  /** The list page, or its last page when the one asked for lies past the end (a jump too far). */
  private static String listPage(Model model, ItemGrids.Grid grid, Browsing browsing, String view) {
    var items = grid.items();
    if (items.content().isEmpty() && items.page() > 0 && items.reachablePages() > 0) {
      return "redirect:" + browsing.href(items.reachablePages() - 1);
    }
    model.addAttribute("browse", browsing);
    addGrid(model, grid);
    return view;
  }

  @GetMapping("/items/{id}")
  String item(@PathVariable long id, Model model) {
    ItemDetail item = catalog.findItem(ItemId.of(id)).orElseThrow(() -> new ItemNotFound(id));
    model.addAttribute("item", item);
    model.addAttribute("maxQuantity", Carts.MAX_QUANTITY);
    catalog.categories().stream()
        .filter(c -> c.id().equals(item.categoryId()))
        .findFirst()
        .ifPresent(c -> model.addAttribute("category", c));
    addFlashSale(model, item);
    return "item";
  }

  /**
   * The item's flash sale, open or to come: its price, units left and time, and a buy button
   * while it is open. The sale list is kept in memory (FlashSales.current), so an item without a
   * sale costs no query; an upcoming sale's page refreshes itself when the sale opens.
   */
  private void addFlashSale(Model model, ItemDetail item) {
    Optional<FlashSale> sale;
    try {
      sale = flashSales.currentFor(item.id());
    } catch (RuntimeException e) {
      return; // the item page stays up without its sale box
    }
    sale.ifPresent(s -> {
      Instant now = clock.instant();
      SaleCard card = SaleCard.of(s, item.title(), item.price(), flashSales.remaining(s.id()), now);
      model.addAttribute("flashSale", card);
      if (card.isUpcoming()) {
        long untilStart = Duration.between(now, s.startsAt()).toSeconds() + 1;
        model.addAttribute("refreshSeconds", Math.max(1, Math.min(untilStart, 300)));
      }
    });
  }

  private static void addGrid(Model model, ItemGrids.Grid grid) {
    model.addAttribute("items", grid.items());
    model.addAttribute("gridHtml", grid.html());
  }

  /** A category page for an id the catalog does not have. */
  static final class CategoryNotFound extends NotFound {
    CategoryNotFound(long id) {
      super("refusal.item.unknownCategory", id);
    }
  }
}
