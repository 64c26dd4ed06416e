package com.bazaar.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.catalog.ItemChanged;
import com.bazaar.platform.id.ItemId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.cache.caffeine.CaffeineCacheManager;

/**
 * The race a clear of every listing must win: a listing loaded from the rows before an item
 * change committed, and stored only after the commit's clear, would be served until it expires.
 * {@link CatalogCache} makes the clear wait for loads in flight, so it removes that listing.
 */
class CatalogListingRaceTest {
  private final CatalogCache cache = new CatalogCache(new CaffeineCacheManager("items", "categories", "listings"));

  @Test
  void aListingLoadedBeforeAnItemChangeCommittedIsNotServedAfterIt() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch committed = new CountDownLatch(1);
    AtomicReference<CachedListing> racer = new AtomicReference<>();
    Thread reader = new Thread(() -> racer.set(cache.listing("page", () -> {
      loading.countDown();
      awaitQuietly(committed);
      return new CachedListing(List.of(1L), 1); // the rows before the new item
    })));
    reader.start();
    assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();

    // What the writer does after the commit of a new item: waits for the load, or clears before it.
    Thread writer = new Thread(() -> cache.on(new ItemChanged(ItemId.of(2))));
    writer.start();
    await().atMost(Duration.ofSeconds(5))
        .until(() -> writer.getState() == Thread.State.WAITING || writer.getState() == Thread.State.TERMINATED);
    committed.countDown();
    reader.join(5_000);
    writer.join(5_000);

    assertThat(racer.get().ids()).as("the racing reader itself may see the old page").containsExactly(1L);
    assertThat(cache.listing("page", () -> new CachedListing(List.of(2L, 1L), 2)).ids())
        .as("the next read").containsExactly(2L, 1L);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
