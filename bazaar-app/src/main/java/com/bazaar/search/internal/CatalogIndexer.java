package com.bazaar.search.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemChanged;
import com.bazaar.catalog.ItemDetail;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the catalog: a full rebuild at start-up, then one item at a
 * time as {@link ItemChanged} events arrive from the outbox. Re-indexing replaces by id, so
 * a redelivered event is harmless.
 */
@Component
class CatalogIndexer {
  private static final Logger log = LoggerFactory.getLogger(CatalogIndexer.class);
  private static final int BATCH = 500;

  private final Catalog catalog;
  private final ItemIndex index;

  CatalogIndexer(Catalog catalog, ItemIndex index) {
    this.catalog = catalog;
    this.index = index;
  }

  @EventListener(ApplicationReadyEvent.class)
  void rebuild() {
    long started = System.nanoTime();
    index.clear();
    List<ItemIndex.IndexedItem> batch = new ArrayList<>(BATCH);
    catalog.forEachItem(
        item -> {
          batch.add(indexed(item));
          if (batch.size() == BATCH) {
            index.indexAll(batch);
            batch.clear();
          }
        });
    index.indexAll(batch);
    log.info("search index rebuilt: {} items in {} ms", index.count(), (System.nanoTime() - started) / 1_000_000);
  }

  @ApplicationModuleListener
  void on(ItemChanged changed) {
    catalog.findItem(changed.itemId())
        .ifPresentOrElse(item -> index.index(indexed(item)), () -> index.remove(changed.itemId()));
    log.info("re-indexed item {}", changed.itemId());
  }

  private static ItemIndex.IndexedItem indexed(ItemDetail item) {
    return new ItemIndex.IndexedItem(item.id(), item.title(), item.description(), item.categoryId());
  }
}
