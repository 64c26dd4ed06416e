package com.bazaar.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.platform.id.IdGenerator;
import com.bazaar.platform.id.ItemId;
import com.bazaar.support.ApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** What every inventory must guarantee; run on H2 and on MariaDB by the subclasses. */
@RecordApplicationEvents
abstract class InventoryContractTest extends ApiTest {
  @Autowired Inventory inventory;
  @Autowired TransactionTemplate transaction;
  @Autowired IdGenerator ids;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  private ItemId stocked(long quantity) {
    ItemId itemId = ItemId.of(ids.nextId());
    inventory.stockNewItem(itemId, quantity);
    return itemId;
  }

  private void reserve(StockLine... lines) {
    transaction.executeWithoutResult(status -> inventory.reserve(List.of(lines)));
  }

  @Test
  void receivedCountsTheStartingStockAndEveryAdminChangeButNoTakeOrReturn() {
    ItemId item = stocked(10);
    ItemId seeded = ItemId.of(ids.nextId());
    inventory.stockNewItems(Map.of(seeded, 4L));

    reserve(new StockLine(item, 3));
    inventory.adjust(item, 5); // 12 available, 15 received
    inventory.set(item, 20); // an admin's count finds 8 more than the 12 on record
    inventory.release(List.of(new StockLine(item, 1)));

    // 21 available + the 2 units still taken = the 23 received.
    assertThat(inventory.counts()).contains(new StockCount(item, 23, 21), new StockCount(seeded, 4, 4));
  }

  @Test
  void reservingTakesEveryLineAndMergesDuplicates() {
    ItemId a = stocked(10);
    ItemId b = stocked(5);

    reserve(new StockLine(b, 2), new StockLine(a, 3), new StockLine(b, 1));

    assertThat(inventory.available(List.of(a, b))).containsExactlyInAnyOrderEntriesOf(Map.of(a, 7L, b, 2L));
  }

  @Test
  void aShortLineReservesNothingAtAll() {
    ItemId plenty = stocked(10);
    ItemId scarce = stocked(1);

    assertThatThrownBy(() -> reserve(new StockLine(plenty, 4), new StockLine(scarce, 2)))
        .isInstanceOfSatisfying(OutOfStock.class, e -> assertThat(e.itemId()).isEqualTo(scarce));

    assertThat(inventory.available(plenty)).isEqualTo(10);
    assertThat(inventory.available(scarce)).isEqualTo(1);
  }

  @Test
  void reservingOutsideATransactionIsRefused() {
    ItemId itemId = stocked(3);

    assertThatThrownBy(() -> inventory.reserve(List.of(new StockLine(itemId, 1))))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThat(inventory.available(itemId)).isEqualTo(3);
  }

  @Test
  void reservingAnUnknownItemIsOutOfStock() {
    ItemId unknown = ItemId.of(ids.nextId());
    assertThatThrownBy(() -> reserve(new StockLine(unknown, 1))).isInstanceOf(OutOfStock.class);
  }

  @Test
  void releasingGivesStockBack() {
    ItemId itemId = stocked(5);
    reserve(new StockLine(itemId, 5));
    assertThat(inventory.available(itemId)).isZero();

    transaction.executeWithoutResult(s -> inventory.release(List.of(new StockLine(itemId, 2), new StockLine(itemId, 1))));

    assertThat(inventory.available(itemId)).isEqualTo(3);
  }

  @Test
  void adjustingAnswersTheNewLevelAndNeverGoesBelowZero() {
    ItemId itemId = stocked(5);

    assertThat(inventory.adjust(itemId, 10)).isEqualTo(15);
    assertThat(inventory.adjust(itemId, -15)).isZero();
    assertThatThrownBy(() -> inventory.adjust(itemId, -1)).isInstanceOf(OutOfStock.class);
    assertThat(inventory.available(itemId)).isZero();
  }

  @Test
  void adjustingOrSettingAnItemNeverStockedIsNotFound() {
    ItemId unknown = ItemId.of(ids.nextId());

    assertThatThrownBy(() -> inventory.adjust(unknown, 1)).isInstanceOf(StockNotFound.class);
    assertThatThrownBy(() -> inventory.adjust(unknown, -1)).isInstanceOf(StockNotFound.class);
    assertThatThrownBy(() -> inventory.set(unknown, 1)).isInstanceOf(StockNotFound.class);
  }

  /** A new item is stocked once: again is a conflict naming it, never a database error (a 500). */
  @Test
  void stockingAnItemTwiceIsAlreadyStockedAndChangesNothing() {
    ItemId itemId = stocked(5);
    ItemId fresh = ItemId.of(ids.nextId());

    assertThatThrownBy(() -> inventory.stockNewItem(itemId, 9))
        .isInstanceOfSatisfying(AlreadyStocked.class, e -> assertThat(e.itemId()).isEqualTo(itemId));
    Map<ItemId, Long> batch = new LinkedHashMap<>();
    batch.put(fresh, 3L);
    batch.put(itemId, 9L);
    assertThatThrownBy(() -> inventory.stockNewItems(batch))
        .isInstanceOfSatisfying(AlreadyStocked.class, e -> assertThat(e.itemId()).isEqualTo(itemId));

    assertThat(inventory.available(List.of(itemId, fresh))).containsExactly(Map.entry(itemId, 5L));
  }

  @Test
  void settingReplacesTheLevel() {
    ItemId itemId = stocked(5);
    inventory.set(itemId, 42);
    assertThat(inventory.available(itemId)).isEqualTo(42);
  }

  @Test
  void batchLookupLeavesUnknownItemsOut() {
    ItemId a = stocked(1);
    ItemId b = stocked(0);
    ItemId unknown = ItemId.of(ids.nextId());

    assertThat(inventory.available(List.of(a, b, unknown, a))).containsOnlyKeys(a, b);
    assertThat(inventory.available(List.of())).isEmpty();
    assertThat(inventory.available(unknown)).isZero();
  }

  @Test
  void everyChangePublishesStockChanged() {
    ItemId itemId = stocked(5);
    reserve(new StockLine(itemId, 1));
    transaction.executeWithoutResult(s -> inventory.release(List.of(new StockLine(itemId, 1))));
    inventory.adjust(itemId, 1);
    inventory.set(itemId, 9);

    assertThat(events.stream(StockChanged.class).filter(e -> e.itemId().equals(itemId))).hasSize(5);
  }

  @Test
  void concurrentBuyersOfScarceStockGetExactlyTheStock() throws Exception {
    int stock = 20;
    int threads = 32;
    int attemptsEach = 4;
    ItemId itemId = stocked(stock);
    AtomicInteger sold = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();

    runConcurrently(threads, () -> {
      for (int i = 0; i < attemptsEach; i++) {
        try {
          reserve(new StockLine(itemId, 1));
          sold.incrementAndGet();
        } catch (OutOfStock e) {
          refused.incrementAndGet();
        }
      }
      return null;
    });

    assertThat(sold.get()).isEqualTo(stock);
    assertThat(refused.get()).isEqualTo(threads * attemptsEach - stock);
    assertThat(inventory.available(itemId)).isZero();
    assertThat(jdbc.sql("SELECT MIN(available) FROM stock").query(Long.class).single()).isNotNegative();
  }

  @Test
  void buyersTakingTheSameItemsInOppositeOrdersDoNotDeadlock() throws Exception {
    ItemId a = stocked(1_000);
    ItemId b = stocked(1_000);
    int threads = 16;
    int attemptsEach = 10;
    AtomicInteger started = new AtomicInteger();

    runConcurrently(threads, () -> {
      boolean forward = started.incrementAndGet() % 2 == 0;
      for (int i = 0; i < attemptsEach; i++) {
        if (forward) {
          reserve(new StockLine(a, 1), new StockLine(b, 2));
        } else {
          reserve(new StockLine(b, 2), new StockLine(a, 1));
        }
      }
      return null;
    });

    assertThat(inventory.available(a)).isEqualTo(1_000 - threads * attemptsEach);
    assertThat(inventory.available(b)).isEqualTo(1_000 - 2 * threads * attemptsEach);
  }

  /** Starts every task at once and rethrows the first failure of any. */
  private static void runConcurrently(int threads, Callable<Void> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Void>> results = Collections.synchronizedList(new ArrayList<>());
    try {
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      for (Future<Void> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
