package com.bazaar.search.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the catalog: a full rebuild when the application is ready,
 * then one item at a time as {@link ItemChanged} events arrive over the bus (after the
 * catalog's transaction commits, retried until handled). Each event re-reads the item, so a
 * late or repeated event indexes the current state and changes nothing twice. Every node
 * has its own index, so every node subscribes; a node's queue may die with it, since the
 * node rebuilds its index when it starts again.
 */
@Component
class CatalogIndexer {
  private static final Logger log = LoggerFactory.getLogger(CatalogIndexer.class);

  private final Catalog catalog;
  private final ItemIndex index;

  CatalogIndexer(Catalog catalog, ItemIndex index) {
    this.catalog = catalog;
    this.index = index;
  }

  @EventListener(ApplicationReadyEvent.class)
  void rebuild() {
    long started = System.nanoTime();
    long items = index.rebuild(sink -> catalog.forEachItem(item -> sink.accept(IndexedItem.of(item))));
    log.info("search index rebuilt: {} items in {} ms", items, (System.nanoTime() - started) / 1_000_000);
  }

  void reindex(ItemChanged event) {
    catalog.findItem(event.itemId())
        .map(IndexedItem::of)
        .ifPresentOrElse(index::index, () -> index.remove(event.itemId().value()));
    log.info("re-indexed item {}", event.itemId());
  }
}
