package com.bazaar.search.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemChanged;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>The first rebuild runs as the application becomes ready, so a node whose catalog answers is
 * searchable as soon as it serves. If the catalog does not answer (in the services deployment: a
 * web instance started while the catalog service is down), the node starts anyway with search
 * refused ({@link IndexBuild}) and the rebuild is tried again in the background, after
 * {@code bazaar.search.rebuild-retry}, doubling up to {@code rebuild-retry-max}, until it succeeds.
 */
@Component
class CatalogIndexer {
  private static final Logger log = LoggerFactory.getLogger(CatalogIndexer.class);

  private final Catalog catalog;
  private final ItemIndex index;
  private final IndexBuild build;
  private final Duration firstRetry;
  private final Duration maxRetry;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "search-index-rebuild");
    thread.setDaemon(true);
    return thread;
  });

  CatalogIndexer(Catalog catalog, ItemIndex index, IndexBuild build, SearchProperties properties) {
    this.catalog = catalog;
    this.index = index;
    this.build = build;
    this.firstRetry = properties.rebuildRetry();
    this.maxRetry = properties.rebuildRetryMax();
  }

  @EventListener(ApplicationReadyEvent.class)
  void rebuild() {
    attempt(1);
  }

  private void attempt(int number) {
    build.started(number);
    long started = System.nanoTime();
    try {
      long items = index.rebuild(sink -> catalog.forEachItem(item -> sink.accept(IndexedItem.of(item))));
      build.finished();
      log.info("search index rebuilt: {} items in {} ms (attempt {})", items,
          (System.nanoTime() - started) / 1_000_000, number);
    } catch (RuntimeException failed) {
      Duration retryIn = retryAfter(number);
      build.failed(failed, retryIn);
      log.warn("search index not built (attempt {}: {}); search answers 503 until it is, next attempt in {} ms",
          number, failed.toString(), retryIn.toMillis());
      scheduleAttempt(number + 1, retryIn);
    }
  }

  private void scheduleAttempt(int number, Duration delay) {
    try {
      // attempt() logs its own failures and schedules the next one: nothing is left in the future.
      ScheduledFuture<?> unused = retries.schedule(() -> attempt(number), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      log.info("search index rebuild not rescheduled: the application is closing");
    }
  }

  /** {@code rebuild-retry} after the first failure, doubled after each further one, at most {@code rebuild-retry-max}. */
  Duration retryAfter(int failedAttempt) {
    Duration delay = firstRetry;
    for (int i = 1; i < failedAttempt && delay.compareTo(maxRetry) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
  }

  @PreDestroy
  void stopRetrying() {
    retries.shutdownNow();
  }

  void reindex(ItemChanged event) {
    catalog.findItem(event.itemId())
        .map(IndexedItem::of)
        .ifPresentOrElse(index::index, () -> index.remove(event.itemId().value()));
    log.info("re-indexed item {}", event.itemId());
  }
}
