package com.bazaar.catalog.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemChanged;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemDraft;
import com.bazaar.catalog.ItemImage;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.catalog.PricedItem;
import com.bazaar.catalog.PriceRange;
import com.bazaar.catalog.SalesCounts;
import com.bazaar.inventory.Inventory;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.data.DataLayout;
import com.bazaar.platform.data.DomainDatabase;
import com.bazaar.platform.id.IdGenerator;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.time.UtcColumns;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import com.bazaar.platform.services.ConditionalOnDeploymentRole;
import com.bazaar.platform.services.Deployment.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog: items from the catalog tables joined in memory (never in SQL) with the stock
 * the inventory reports. Single items, the category list and the ids of listing pages (but
 * the best-selling order, which moves with every sale) are read through {@link CatalogCache};
 * writes publish {@link ItemChanged}, which evicts the item and clears the listings after commit.
 */
@Service
@ConditionalOnDeploymentRole({Role.ALL, Role.CATALOG})
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
  private final SalesCounts sales;
  private final ImageStore imageStore;

  CatalogService(
      DataLayout layout,
      Items items,
      Categories categories,
      Inventory inventory,
      CatalogCache cache,
      IdGenerator ids,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${bazaar.currency}") String currency,
      SalesCounts sales,
      ImageStore imageStore) {
    this.catalog = layout.of("catalog");
    this.items = items;
    this.categories = categories;
    this.inventory = inventory;
    this.cache = cache;
    this.ids = ids;
    this.events = events;
    this.clock = clock;
    this.currency = currency;
    this.sales = sales;
    this.imageStore = imageStore;
  }

  @Override
  public List<Category> categories() {
    return cache.categories(categories::all);
  }

  @Override
  public ItemDetail item(ItemId itemId) {
    return findItem(itemId).orElseThrow(() -> new ItemNotFound(itemId));
  }

  @Override
  public Optional<ItemDetail> findItem(ItemId itemId) {
    long id = itemId.value();
    return cache.item(id, () -> load(id).orElse(null));
  }

  @Override
  public Page<ItemSummary> items(
      Optional<CategoryId> category, PriceRange price, ItemOrder order, PageSpec page) {
    Optional<Long> categoryId = category.map(CategoryId::value);
    if (order == ItemOrder.SALES) {
      return bestSelling(categoryId, price, page);
    }
    if (!cache.cachesListings()) {
      List<Items.Row> rows = items.page(categoryId, price, order, page);
      return Page.of(withStock(rows).stream().map(ItemDetail::summary).toList(), page, total(rows, categoryId, price, page));
    }
    CachedListing listed = cache.listing(CatalogCache.listingKey(categoryId, price, order, page), () -> {
      List<Items.Row> rows = items.page(categoryId, price, order, page);
      return new CachedListing(rows.stream().map(Items.Row::id).toList(), total(rows, categoryId, price, page));
    });
    // Each item through its own cache entry and loader, as the item page reads it: an id whose
    // item is gone is skipped.
    List<ItemSummary> summaries = listed.ids().stream()
        .flatMap(id -> findItem(ItemId.of(id)).stream()).map(ItemDetail::summary).toList();
    return Page.of(summaries, page, listed.total());
  }

  private long total(List<Items.Row> rows, Optional<Long> categoryId, PriceRange price, PageSpec page) {
    return rows.isEmpty() && page.page() == 0 ? 0 : items.count(categoryId, price);
  }

  /**
   * The sales live in another module's tables (maybe another database), so the newest matching
   * ids are ranked here by the counts {@link SalesCounts} reports: one id query, one count query
   * per 500 ids, bounded by {@link Catalog#SALES_RANKED} like every page.
   */
  private Page<ItemSummary> bestSelling(Optional<Long> categoryId, PriceRange price, PageSpec page) {
    List<Long> ranked = bySales(items.newestIds(categoryId, price, SALES_RANKED));
    long total = ranked.size() < SALES_RANKED ? ranked.size() : items.count(categoryId, price);
    List<Long> slice = ranked.subList(Math.min(ranked.size(), page.offset()),
        Math.min(ranked.size(), page.offset() + page.size()));
    return Page.of(summaries(typed(slice)), page, total);
  }

  /** Sorts ids given newest first by units sold; the sort is stable, so ties stay newest first. */
  private List<Long> bySales(List<Long> newestFirst) {
    Map<Long, Long> sold = sales.sold(newestFirst);
    return newestFirst.stream()
        .sorted(Comparator.comparing((Long id) -> sold.getOrDefault(id, 0L)).reversed())
        .toList();
  }

  @Override
  public List<ItemId> arrange(List<ItemId> itemIds, PriceRange price, ItemOrder order) {
    return typed(arrangeIds(bare(itemIds), price, order));
  }

  private List<Long> arrangeIds(List<Long> itemIds, PriceRange price, ItemOrder order) {
    List<Long> distinct = itemIds.stream().distinct().toList();
    Map<Long, Long> prices = items.prices(distinct);
    List<Long> kept = distinct.stream()
        .filter(id -> prices.containsKey(id) && price.contains(prices.get(id)))
        .toList();
    Comparator<Long> newest = Comparator.reverseOrder();
    Comparator<Long> byPrice = Comparator.comparing(prices::get);
    return switch (order) {
      case NEWEST -> kept.stream().sorted(newest).toList();
      case PRICE_ASC -> kept.stream().sorted(byPrice.thenComparing(newest)).toList();
      case PRICE_DESC -> kept.stream().sorted(byPrice.reversed().thenComparing(newest)).toList();
      case SALES -> bySales(kept.stream().sorted(newest).toList());
    };
  }

  @Override
  public ItemDetail attachImage(ItemId typedId, byte[] image) {
    long itemId = typedId.value();
    if (image.length == 0) {
      throw new InvalidInput("image", "refusal.image.empty");
    }
    if (image.length > ItemImage.MAX_BYTES) {
      throw new InvalidInput("image", "refusal.image.tooLarge", ItemImage.MAX_BYTES / (1024 * 1024));
    }
    String extension = ItemImage.sniff(image).orElseThrow(
        () -> new InvalidInput("image", "refusal.image.notAPicture"));
    if (items.find(itemId).isEmpty()) {
      throw new ItemNotFound(itemId);
    }
    String name = contentHash(image) + "." + extension;
    // The picture first: a crash in between leaves an unused file, never an item naming a missing one.
    imageStore.store(name, image);
    // As update: the event recorded, then the row changed, in the catalog transaction.
    return catalog.inTransaction(() -> {
      events.publishEvent(new ItemChanged(ItemId.of(itemId)));
      if (!items.attachImage(itemId, name, now())) {
        throw new ItemNotFound(itemId);
      }
      return load(itemId).orElseThrow();
    });
  }

  @Override
  public Optional<ItemImage> image(String name) {
    if (!CatalogImages.NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    String extension = name.substring(name.indexOf('.') + 1);
    return imageStore.load(name).map(bytes -> new ItemImage(name, ItemImage.mediaType(extension), bytes));
  }

  private static String contentHash(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public List<ItemSummary> summaries(List<ItemId> itemIds) {
    Map<ItemId, ItemDetail> found =
        withStock(items.findAll(bare(itemIds).stream().distinct().toList())).stream()
            .collect(Collectors.toMap(ItemDetail::id, Function.identity()));
    return itemIds.stream().flatMap(id -> Optional.ofNullable(found.get(id)).stream()).map(ItemDetail::summary).toList();
  }

  @Override
  public List<PricedItem> priced(List<ItemId> itemIds) {
    Map<Long, Items.Row> found = items.findAll(bare(itemIds).stream().distinct().toList()).stream()
        .collect(Collectors.toMap(Items.Row::id, Function.identity()));
    return itemIds.stream().map(ItemId::value).filter(found::containsKey).map(found::get)
        .map(row -> new PricedItem(ItemId.of(row.id()), row.title(), row.price())).toList();
  }

  private static List<Long> bare(List<ItemId> ids) {
    return ids.stream().map(ItemId::value).toList();
  }

  private static List<ItemId> typed(List<Long> ids) {
    return ids.stream().map(ItemId::of).toList();
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
      inventory.stockNewItem(ItemId.of(id), draft.stock());
      events.publishEvent(new ItemChanged(ItemId.of(id)));
      items.insert(row(id, draft, now), now);
      return load(id).orElseThrow();
    });
  }

  /**
   * As {@link #create}: the stock level is set (an absolute value, so a retried update sets
   * the same) and the event recorded before the item's row changes in the catalog transaction.
   */
  @Override
  public ItemDetail update(ItemId typedId, ItemDraft draft) {
    long itemId = typedId.value();
    check(draft);
    return catalog.inTransaction(() -> {
      if (items.find(itemId).isEmpty()) {
        throw new ItemNotFound(itemId);
      }
      inventory.set(typedId, draft.stock());
      events.publishEvent(new ItemChanged(ItemId.of(itemId)));
      if (!items.update(row(itemId, draft, now()))) {
        throw new ItemNotFound(itemId);
      }
      return load(itemId).orElseThrow();
    });
  }

  @Override
  @Transactional
  public ItemDetail adjustStock(ItemId typedId, long delta) {
    long itemId = typedId.value();
    if (items.find(itemId).isEmpty()) {
      throw new ItemNotFound(itemId);
    }
    inventory.adjust(typedId, delta);
    return load(itemId).orElseThrow();
  }

  @Override
  public void forEachItem(Consumer<ItemDetail> visitor) {
    long after = Long.MIN_VALUE;
    List<ItemDetail> page;
    do {
      page = detailsAfter(after, VISIT_PAGE);
      page.forEach(visitor);
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).id().value();
      }
    } while (page.size() == VISIT_PAGE);
  }

  /** One page of {@link #forEachItem}: up to {@code size} items with ids above {@code afterId}, by id. */
  List<ItemDetail> detailsAfter(long afterId, int size) {
    return withStock(items.after(afterId, size));
  }

  /** The rules of an item that hold whoever calls, not only the web edge. */
  private void check(ItemDraft draft) {
    if (draft.title() == null || draft.title().isBlank()) {
      throw new InvalidInput("title", "refusal.notBlank");
    }
    if (CONTROL_OR_BIDI.matcher(draft.title()).find()) {
      throw new InvalidInput("title", "refusal.item.titleControlCharacters");
    }
    if (draft.description() != null && CONTROL_OR_BIDI_IN_TEXT.matcher(draft.description()).find()) {
      throw new InvalidInput("description", "refusal.item.descriptionControlCharacters");
    }
    if (draft.price() == null || draft.price().amount() < 1) {
      throw new InvalidInput("price.amount", "refusal.atLeast", 1);
    }
    if (!currency.equals(draft.price().currency())) {
      throw new InvalidInput("price.currency", "refusal.mustBe", currency);
    }
    if (draft.stock() < 0) {
      throw new InvalidInput("stock", "refusal.atLeast", 0);
    }
    // Null only from a body that left it out (the internal wire has no bean validation before this).
    if (draft.categoryId() == null) {
      throw new InvalidInput("categoryId", "refusal.required");
    }
    if (!categories.exists(draft.categoryId())) {
      throw new InvalidInput("categoryId", "refusal.item.unknownCategory", draft.categoryId().value());
    }
  }

  private Optional<ItemDetail> load(long itemId) {
    return items.find(itemId).map(row -> detail(row, inventory.available(ItemId.of(itemId))));
  }

  private List<ItemDetail> withStock(List<Items.Row> rows) {
    Map<ItemId, Long> stock = inventory.available(rows.stream().map(row -> ItemId.of(row.id())).toList());
    return rows.stream().map(row -> detail(row, stock.getOrDefault(ItemId.of(row.id()), 0L))).toList();
  }

  private static ItemDetail detail(Items.Row row, long stock) {
    return new ItemDetail(
        ItemId.of(row.id()), row.title(), row.description(), row.price(), stock, CategoryId.of(row.categoryId()), row.updatedAt(),
        imageUrl(row));
  }

  /** The uploaded picture if there is one, else the one drawn from the title and category. */
  private static String imageUrl(Items.Row row) {
    return row.image() == null ? DrawnPicture.path(row.title(), row.categoryId()) : "/images/" + row.image();
  }

  private static Items.Row row(long id, ItemDraft draft, Instant now) {
    String description = draft.description() == null ? "" : draft.description();
    return new Items.Row(id, draft.title().strip(), description, draft.price(), draft.categoryId().value(), now);
  }

  private Instant now() {
    return UtcColumns.now(clock);
  }
}
