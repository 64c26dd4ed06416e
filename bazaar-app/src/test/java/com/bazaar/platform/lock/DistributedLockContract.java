package com.bazaar.platform.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every adapter of the lock port promises; subclasses supply two holders (two nodes). */
abstract class DistributedLockContract {
  static final Duration LEASE = Duration.ofSeconds(5);

  /** A lock as one node sees it; two calls give two nodes sharing the same locks. */
  abstract DistributedLock node();

  @Test
  void aHeldLockIsRefusedToAnotherHolderAtOnce() throws Exception {
    DistributedLock a = node();
    DistributedLock b = node();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> first = pool.submit(() -> a.tryRun("job", LEASE, () -> {
        holding.countDown();
        awaitLatch(release);
      }));
      awaitLatch(holding);
      AtomicInteger ranOnB = new AtomicInteger();
      assertThat(b.tryRun("job", LEASE, ranOnB::incrementAndGet)).isFalse();
      assertThat(b.tryRun("another-job", LEASE, ranOnB::incrementAndGet)).as("other names are free").isTrue();
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(b.tryRun("job", LEASE, ranOnB::incrementAndGet)).as("free again after release").isTrue();
      assertThat(ranOnB).hasValue(2);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void manyRacingHoldersRunTheTaskOneAtATime() throws Exception {
    DistributedLock[] nodes = {node(), node(), node()};
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      CountDownLatch start = new CountDownLatch(1);
      var futures = new java.util.ArrayList<Future<?>>();
      for (int t = 0; t < 6; t++) {
        DistributedLock node = nodes[t % nodes.length];
        futures.add(pool.submit(() -> {
          awaitLatch(start);
          for (int i = 0; i < 50; i++) {
            node.tryRun("counter", LEASE, () -> {
              if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              runs.incrementAndGet();
              inside.decrementAndGet();
            });
          }
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(overlaps).hasValue(0);
    assertThat(runs.get()).isPositive();
  }

  static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released in 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
