package com.bazaar.catalog.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemChanged;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemDraft;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.inventory.Inventory;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.data.DataLayout;
import com.bazaar.platform.data.DomainDatabase;
import com.bazaar.platform.id.IdGenerator;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog: items from the catalog tables joined in memory (never in SQL) with the stock
 * the inventory reports. Single items and the category list are read through {@link
 * CatalogCache}; writes publish {@link ItemChanged}, which evicts the item after commit.
 */
@Service
class CatalogService implements Catalog {
  /**
   * Characters a title must not hold: C0/C1 controls (NUL, line breaks) and the bidirectional
   * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can make a title
   * display as something else than it says ("Trojan Source" spoofing).
   */
  private static final Pattern CONTROL_OR_BIDI = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");
  /** The same for a description, which may hold line breaks and tabs. */
  private static final Pattern CONTROL_OR_BIDI_IN_TEXT =
      Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069&&[^\\n\\r\\t]]");
  static final int VISIT_PAGE = 500;

  private final DomainDatabase catalog;
  private final Items items;
  private final Categories categories;
  private final Inventory inventory;
  private final CatalogCache cache;
  private final IdGenerator ids;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final String currency;

  CatalogService(
      DataLayout layout,
      Items items,
      Categories categories,
      Inventory inventory,
      CatalogCache cache,
      IdGenerator ids,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${bazaar.currency}") String currency) {
    this.catalog = layout.of("catalog");
    this.items = items;
    this.categories = categories;
    this.inventory = inventory;
    this.cache = cache;
    this.ids = ids;
    this.events = events;
    this.clock = clock;
    this.currency = currency;
  }

  @Override
  public List<Category> categories() {
    return cache.categories(categories::all);
  }

  @Override
  public ItemDetail item(long itemId) {
    return findItem(itemId).orElseThrow(() -> new ItemNotFound(itemId));
  }

  @Override
  public Optional<ItemDetail> findItem(long itemId) {
    return cache.item(itemId, () -> load(itemId).orElse(null));
  }

  @Override
  public Page<ItemSummary> items(Optional<Long> categoryId, PageSpec page) {
    List<Items.Row> rows = items.newest(categoryId, page);
    long total = rows.isEmpty() && page.page() == 0 ? 0 : items.count(categoryId);
    return Page.of(withStock(rows).stream().map(ItemDetail::summary).toList(), page, total);
  }

  @Override
  public List<ItemSummary> summaries(List<Long> itemIds) {
    Map<Long, ItemDetail> found =
        withStock(items.findAll(itemIds.stream().distinct().toList())).stream()
            .collect(Collectors.toMap(ItemDetail::id, Function.identity()));
    return itemIds.stream().filter(found::containsKey).map(id -> found.get(id).summary()).toList();
  }

  /**
   * Stock row, item and {@link ItemChanged} in one transaction when the catalog shares the
   * main database. With the catalog in its own one ({@link DataLayout}) there is no
   * distributed transaction, and the order makes every crash harmless: the stock row commits
   * first on its own (a rolled-back item leaves a stock row nothing can order); the event's
   * publication row commits at once on the main database (a rolled-back item leaves a phantom
   * event whose consumers re-read the item and find none); only then does the item commit, so
   * no committed item lacks its stock or its event. See docs/data-tier.md, stage 8.
   */
  @Override
  public ItemDetail create(ItemDraft draft) {
    check(draft);
    long id = ids.nextId();
    Instant now = now();
    return catalog.inTransaction(() -> {
      inventory.stockNewItem(id, draft.stock());
      events.publishEvent(new ItemChanged(id));
      items.insert(row(id, draft, now), now);
      return load(id).orElseThrow();
    });
  }

  /**
   * As {@link #create}: the stock level is set (an absolute value, so a retried update sets
   * the same) and the event recorded before the item's row changes in the catalog transaction.
   */
  @Override
  public ItemDetail update(long itemId, ItemDraft draft) {
    check(draft);
    return catalog.inTransaction(() -> {
      if (items.find(itemId).isEmpty()) {
        throw new ItemNotFound(itemId);
      }
      inventory.set(itemId, draft.stock());
      events.publishEvent(new ItemChanged(itemId));
      if (!items.update(row(itemId, draft, now()))) {
        throw new ItemNotFound(itemId);
      }
      return load(itemId).orElseThrow();
    });
  }

  @Override
  @Transactional
  public ItemDetail adjustStock(long itemId, long delta) {
    if (items.find(itemId).isEmpty()) {
      throw new ItemNotFound(itemId);
    }
    inventory.adjust(itemId, delta);
    return load(itemId).orElseThrow();
  }

  @Override
  public void forEachItem(Consumer<ItemDetail> visitor) {
    long after = Long.MIN_VALUE;
    List<Items.Row> page;
    do {
      page = items.after(after, VISIT_PAGE);
      withStock(page).forEach(visitor);
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).id();
      }
    } while (page.size() == VISIT_PAGE);
  }

  /** The rules of an item that hold whoever calls, not only the web edge. */
  private void check(ItemDraft draft) {
    if (draft.title() == null || draft.title().isBlank()) {
      throw new InvalidInput("title", "must not be blank");
    }
    if (CONTROL_OR_BIDI.matcher(draft.title()).find()) {
      throw new InvalidInput("title", "must not hold control characters (such as NUL or line breaks)"
          + " or bidirectional overrides");
    }
    if (draft.description() != null && CONTROL_OR_BIDI_IN_TEXT.matcher(draft.description()).find()) {
      throw new InvalidInput("description", "must not hold control characters other than line breaks and tabs,"
          + " or bidirectional overrides");
    }
    if (draft.price() == null || draft.price().amount() < 1) {
      throw new InvalidInput("price.amount", "must be ≥ 1");
    }
    if (!currency.equals(draft.price().currency())) {
      throw new InvalidInput("price.currency", "must be " + currency);
    }
    if (draft.stock() < 0) {
      throw new InvalidInput("stock", "must be ≥ 0");
    }
    if (!categories.exists(draft.categoryId())) {
      throw new InvalidInput("categoryId", "no category with id " + draft.categoryId());
    }
  }

  private Optional<ItemDetail> load(long itemId) {
    return items.find(itemId).map(row -> detail(row, inventory.available(itemId)));
  }

  private List<ItemDetail> withStock(List<Items.Row> rows) {
    Map<Long, Long> stock = inventory.available(rows.stream().map(Items.Row::id).toList());
    return rows.stream().map(row -> detail(row, stock.getOrDefault(row.id(), 0L))).toList();
  }

  private static ItemDetail detail(Items.Row row, long stock) {
    return new ItemDetail(
        row.id(), row.title(), row.description(), row.price(), stock, row.categoryId(), row.updatedAt());
  }

  private static Items.Row row(long id, ItemDraft draft, Instant now) {
    String description = draft.description() == null ? "" : draft.description();
    return new Items.Row(id, draft.title().strip(), description, draft.price(), draft.categoryId(), now);
  }

  private Instant now() {
    return UtcColumns.now(clock);
  }
}
