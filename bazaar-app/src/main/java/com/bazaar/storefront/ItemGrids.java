package com.bazaar.storefront;

import com.bazaar.catalog.ItemChanged;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.flashsale.FlashSale;
import com.bazaar.flashsale.FlashSales;
import com.bazaar.inventory.StockChanged;
import com.bazaar.platform.Page;
import com.bazaar.platform.id.ItemId;
import com.bazaar.search.FoundItem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The item grids of the list pages (home, category, search), rendered once and kept for
 * {@code bazaar.edge.item-max-age}: the grid is the same for every shopper, and rendering its
 * two dozen cards was most of a list page's cost. Any item or stock change drops every grid
 * after its commit, so a shopper sees a change at once on this node and within the max age on
 * the others (the staleness the edge cache already allows for item reads). The page around the
 * grid (header with the shopper's name, pager) is rendered per request as before.
 *
 * <p>A card shows a flash badge while its item's sale is open. Which items those are comes from
 * the flash-sale module's per-node sale list (re-read at most every two seconds, no database
 * read per request) and is part of each grid's key: a sale that opens or ends makes new grids,
 * while the old ones simply age out. The shopper's language is part of the key too (a card's
 * labels are in it), so a grid is kept once per language.
 */
@Component
final class ItemGrids {
  private static final ShopFormat FORMAT = new ShopFormat();

  private final ITemplateEngine templates;
  private final FlashSales flashSales;
  private final Clock clock;
  private final Cache<String, Grid> grids;

  ItemGrids(
      ITemplateEngine templates,
      FlashSales flashSales,
      Clock clock,
      @Value("${bazaar.edge.item-max-age}") Duration maxAge) {
    this.templates = templates;
    this.flashSales = flashSales;
    this.clock = clock;
    this.grids = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(maxAge).build();
  }

  /** One page of items and its grid's HTML, from the cache or loaded and rendered now. */
  Grid grid(String key, Supplier<Page<ItemSummary>> items, HttpServletRequest request, HttpServletResponse response) {
    Set<ItemId> onSale = itemsOnSale();
    Locale locale = RequestContextUtils.getLocale(request);
    return grids.get(key + saleKey(onSale) + languageKey(locale),
        k -> render(items.get(), onSale, Map.of(), locale, request, response));
  }

  /** A page of search results: the grid shows each title with the matched words marked. */
  Grid searchGrid(String key, Supplier<Page<FoundItem>> found, HttpServletRequest request, HttpServletResponse response) {
    Set<ItemId> onSale = itemsOnSale();
    Locale locale = RequestContextUtils.getLocale(request);
    return grids.get(key + saleKey(onSale) + languageKey(locale), k -> {
      Page<FoundItem> page = found.get();
      // The highlights are HTML escaped by the search module, so the template inserts them as they are.
      Map<ItemId, String> highlights = page.content().stream()
          .collect(Collectors.toMap(f -> f.item().id(), FoundItem::highlight, (a, b) -> a));
      return render(page.map(FoundItem::item), onSale, Map.of("highlights", highlights), locale, request, response);
    });
  }

  /** The items whose flash sale is open now, from the node's sale list. */
  private Set<ItemId> itemsOnSale() {
    Instant now = clock.instant();
    return flashSales.current().stream()
        .filter(sale -> sale.isOpenAt(now))
        .map(FlashSale::itemId)
        .collect(Collectors.toCollection(() -> new TreeSet<>(Comparator.comparingLong(ItemId::value))));
  }

  /** Part of a grid's key: nothing while no sale is open, else the items on sale (a handful at a time). */
  private static String saleKey(Set<ItemId> onSale) { // sorted by id, so one set of sales is one key
    return onSale.isEmpty() ? "" : "|flash:" + onSale.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** Part of a grid's key: a card's labels ("sold out", "in stock") are in the shopper's language. */
  private static String languageKey(Locale locale) {
    return "|lang:" + locale.toLanguageTag();
  }

  private Grid render(
      Page<ItemSummary> items,
      Set<ItemId> onSale,
      Map<String, Object> extra,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
        .buildExchange(request, response);
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put("items", items.content());
    variables.put("fmt", FORMAT);
    variables.put("onSale", onSale);
    WebContext context = new WebContext(exchange, locale, variables);
    return new Grid(items, templates.process("layout", Set.of("grid"), context));
  }

  @EventListener
  void on(ItemChanged changed) {
    dropAllAfterCompletion();
  }

  @EventListener
  void on(StockChanged changed) {
    dropAllAfterCompletion();
  }

  private void dropAllAfterCompletion() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      grids.invalidateAll();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        grids.invalidateAll();
      }
    });
  }

  /** A page of items and the HTML of its grid (escaped by the template, so safe to insert as is). */
  record Grid(Page<ItemSummary> items, String html) {}
}
