package com.bazaar.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.Cache;

/** Cache breakdown, staged: a hundred readers miss the same hot key at the same moment. */
final class Stampede {
  private Stampede() {}

  /** Answers how many times the loader ran while 100 concurrent readers asked for one missing key. */
  static int loadsOfAHotKey(Cache cache) throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService readers = Executors.newFixedThreadPool(100);
    try {
      List<Future<Object>> reads = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        reads.add(readers.submit(() -> {
          start.await();
          return cache.get(7L, () -> {
            loads.incrementAndGet();
            Thread.sleep(50); // a slow database read widens the window the readers pile into
            return "hot item";
          });
        }));
      }
      start.countDown();
      for (Future<Object> read : reads) {
        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("hot item");
      }
    } finally {
      readers.shutdownNow();
    }
    return loads.get();
  }
}
