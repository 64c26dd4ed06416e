package com.bazaar.catalog.internal;

import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemChanged;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.inventory.StockChanged;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cache-aside for item pages and the category list over Spring's cache abstraction (the
 * {@code items} and {@code categories} caches of application.yaml).
 *
 * <p>No stale reads: an item is evicted when it or its stock changes, once the changing
 * transaction has completed, so a reader can never re-cache the old row after the eviction.
 * A load that raced with the commit is either finished before the eviction (and is evicted)
 * or blocks it until it is stored (the cache computes one value per key at a time, which
 * also means a hot key that expires is loaded once, not by every waiting reader). Reads
 * inside a transaction bypass the cache: they may see that transaction's uncommitted writes
 * or an old snapshot, neither of which may be shared.
 */
@Component
class CatalogCache {
  private static final String ALL_CATEGORIES = "all";

  private final Cache items;
  private final Cache categories;

  CatalogCache(CacheManager caches) {
    this.items = Objects.requireNonNull(caches.getCache("items"), "cache 'items'");
    this.categories = Objects.requireNonNull(caches.getCache("categories"), "cache 'categories'");
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

  @EventListener
  void on(ItemChanged changed) {
    evictAfterCompletion(changed.itemId().value());
  }

  @EventListener
  void on(StockChanged changed) {
    evictAfterCompletion(changed.itemId().value());
  }

  void evictCategories() {
    categories.evict(ALL_CATEGORIES);
  }

  /** After commit; after a rollback too, where it only costs one reload. */
  private void evictAfterCompletion(long itemId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      items.evict(itemId);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            items.evict(itemId);
          }
        });
  }
}
