package com.bazaar.catalog.internal;

import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemChanged;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.PriceRange;
import com.bazaar.inventory.StockChanged;
import com.bazaar.platform.PageSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NoOpCache;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cache-aside for item pages, the category list and the pages of item listings over Spring's
 * cache abstraction (the {@code items}, {@code categories} and {@code listings} caches of
 * application.yaml).
 *
 * <p>No stale reads: an item is evicted when it or its stock changes, once the changing
 * transaction has completed, so a reader can never re-cache the old row after the eviction.
 * A load that raced with the commit is either finished before the eviction (and is evicted)
 * or blocks it until it is stored (the cache computes one value per key at a time, which
 * also means a hot key that expires is loaded once, not by every waiting reader). Reads
 * inside a transaction bypass the cache: they may see that transaction's uncommitted writes
 * or an old snapshot, neither of which may be shared.
 *
 * <p>A listing page is cached as its ids and total only ({@link CachedListing}); its items are
 * read through the item cache, so the stock it shows is as fresh as the item page's. Which ids
 * a page holds changes only with an {@link ItemChanged} (a new item, a price or a category),
 * whose commit clears every listing; a stock change does not. A clear cannot block the loads
 * in flight the way an eviction blocks the one load of its key, so listing reads share a lock
 * the clear takes alone: a load that raced with the commit has been stored, and is cleared,
 * before any later read begins. On the other nodes of a two-level cache the clear is repeated
 * after {@code second-eviction-delay}, as an eviction is.
 */
@Component
class CatalogCache {
  private static final String ALL_CATEGORIES = "all";

  private final Cache items;
  private final Cache categories;
  private final Cache listings;
  private final ReadWriteLock listingsLock = new ReentrantReadWriteLock();

  CatalogCache(CacheManager caches) {
    this.items = Objects.requireNonNull(caches.getCache("items"), "cache 'items'");
    this.categories = Objects.requireNonNull(caches.getCache("categories"), "cache 'categories'");
    this.listings = Objects.requireNonNull(caches.getCache("listings"), "cache 'listings'");
  }

  /** The item, loaded at most once per key at a time; absent items are cached too. */
  Optional<ItemDetail> item(long itemId, Supplier<@Nullable ItemDetail> loader) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return Optional.ofNullable(loader.get());
    }
    return Optional.ofNullable(loadedThrough(() -> items.get(itemId, loader::get)));
  }

  List<Category> categories(Supplier<List<Category>> loader) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return loader.get();
    }
    // the loader answers a list, never null, so the cache holds one
    return Objects.requireNonNull(loadedThrough(() -> categories.get(ALL_CATEGORIES, loader::get)), ALL_CATEGORIES);
  }

  /**
   * The cache wraps whatever its loader throws in a {@link Cache.ValueRetrievalException}; the
   * caller gets the loader's own exception back, so a database that gives no connection in time
   * is still a 503 and a missing item still a 404, whether or not the read went through the cache.
   */
  private static <T> @Nullable T loadedThrough(Supplier<@Nullable T> cacheRead) {
    try {
      return cacheRead.get();
    } catch (Cache.ValueRetrievalException wrapped) {
      if (wrapped.getCause() instanceof RuntimeException loaderFailure) {
        throw loaderFailure;
      }
      throw wrapped;
    }
  }

  /**
   * Whether {@link #listing} caches: not inside a transaction, and not without a cache, where a
   * page built from one item read per id would cost more queries than reading the page at once.
   */
  boolean cachesListings() {
    return !(listings instanceof NoOpCache) && !TransactionSynchronizationManager.isActualTransactionActive();
  }

  /** The ids and total of one listing page, loaded at most once per key at a time. */
  CachedListing listing(String key, Supplier<CachedListing> loader) {
    if (!cachesListings()) {
      return loader.get();
    }
    Lock reading = listingsLock.readLock();
    reading.lock();
    try {
      // the loader answers a listing, never null, so the cache holds one
      return Objects.requireNonNull(loadedThrough(() -> listings.get(key, loader::get)), key);
    } finally {
      reading.unlock();
    }
  }

  /** The key of a listing page: every parameter that decides which ids it holds. */
  static String listingKey(Optional<Long> categoryId, PriceRange price, ItemOrder order, PageSpec page) {
    return categoryId.map(String::valueOf).orElse("all") + "|" + price.min() + "-" + price.max() + "|"
        + order.param() + "|" + page.page() + "x" + page.size();
  }

  @EventListener
  void on(ItemChanged changed) {
    long itemId = changed.itemId().value();
    afterCompletion(() -> {
      items.evict(itemId);
      clearListings();
    });
  }

  /** A stock change leaves every listing's ids as they were: only the item (and so its summary) goes. */
  @EventListener
  void on(StockChanged changed) {
    long itemId = changed.itemId().value();
    afterCompletion(() -> items.evict(itemId));
  }

  /** After items were written without {@link ItemChanged} (the demo catalog's seeding). */
  void evictCategoriesAndListings() {
    categories.evict(ALL_CATEGORIES);
    clearListings();
  }

  private void clearListings() {
    Lock clearing = listingsLock.writeLock();
    clearing.lock();
    try {
      listings.clear();
    } finally {
      clearing.unlock();
    }
  }

  /** After commit; after a rollback too, where it only costs one reload. */
  private static void afterCompletion(Runnable eviction) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      eviction.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            eviction.run();
          }
        });
  }
}
