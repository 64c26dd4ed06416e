package com.bazaar.platform.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class SnowflakeIdGeneratorTest {
  private static final long T = SnowflakeIdGenerator.EPOCH.toEpochMilli() + 1_000_000_000L;

  @Test
  void generatorsOfDifferentWorkersNeverIssueTheSameIdAcrossAMillionIds() throws Exception {
    // Two workers (two nodes), each shared by two threads: contention inside a generator
    // and collisions between generators are both exercised.
    int threads = 4;
    int perThread = 250_000;
    SnowflakeIdGenerator[] generators = {new SnowflakeIdGenerator(1), new SnowflakeIdGenerator(2)};
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> batches = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SnowflakeIdGenerator generator = generators[t % generators.length];
        Callable<long[]> batch =
            () -> {
              long[] ids = new long[perThread];
              for (int i = 0; i < perThread; i++) {
                ids[i] = generator.nextId();
              }
              return ids;
            };
        batches.add(pool.submit(batch));
      }
      long[] all = new long[threads * perThread];
      int at = 0;
      for (Future<long[]> batch : batches) {
        long[] ids = batch.get();
        assertStrictlyIncreasing(ids);
        System.arraycopy(ids, 0, all, at, ids.length);
        at += ids.length;
      }
      Arrays.sort(all);
      for (int i = 1; i < all.length; i++) {
        if (all[i] == all[i - 1]) {
          throw new AssertionError("duplicate id " + all[i]);
        }
      }
      assertThat(all).hasSize(1_000_000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void idsOfOneGeneratorAreStrictlyIncreasing() {
    SnowflakeIdGenerator generator = new SnowflakeIdGenerator(7);
    long[] ids = new long[50_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = generator.nextId();
    }
    assertStrictlyIncreasing(ids);
  }

  @Test
  void moreThan4096IdsInOneMillisecondWaitForTheNextMillisecond() {
    FakeClock clock = new FakeClock(T);
    SnowflakeIdGenerator generator = new SnowflakeIdGenerator(3, clock);
    long last = 0;
    for (int i = 0; i < 4096; i++) {
      last = generator.nextId();
    }
    assertThat(SnowflakeIdGenerator.timeOf(last)).isEqualTo(Instant.ofEpochMilli(T));

    clock.advanceAfterReads(3, 1); // the sequence is spent: the generator must wait for T + 1
    long next = generator.nextId();

    assertThat(next).isGreaterThan(last);
    assertThat(SnowflakeIdGenerator.timeOf(next)).isEqualTo(Instant.ofEpochMilli(T + 1));
  }

  @Test
  void aClockThatStepsBackAtMost50MillisecondsIsWaitedOut() {
    FakeClock clock = new FakeClock(T);
    SnowflakeIdGenerator generator = new SnowflakeIdGenerator(4, clock);
    long first = generator.nextId();

    clock.set(T - SnowflakeIdGenerator.MAX_BACKWARD_WAIT_MS);
    clock.advanceAfterReads(5, SnowflakeIdGenerator.MAX_BACKWARD_WAIT_MS);
    long second = generator.nextId();

    assertThat(second).isGreaterThan(first);
    assertThat(SnowflakeIdGenerator.timeOf(second)).isEqualTo(Instant.ofEpochMilli(T));
    assertThat(clock.reads()).as("the generator kept reading the clock until it caught up").isEqualTo(5);
  }

  @Test
  void aClockThatStepsBackFurtherRefusesToIssueIds() {
    FakeClock clock = new FakeClock(T);
    SnowflakeIdGenerator generator = new SnowflakeIdGenerator(5, clock);
    generator.nextId();

    clock.set(T - SnowflakeIdGenerator.MAX_BACKWARD_WAIT_MS - 1);

    assertThatThrownBy(generator::nextId)
        .isInstanceOf(SnowflakeIdGenerator.ClockMovedBackwards.class)
        .hasMessageContaining("51 ms");
  }

  @Test
  void workerIdsOutside0To1023AreRejected() {
    assertThatThrownBy(() -> new SnowflakeIdGenerator(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SnowflakeIdGenerator(SnowflakeIdGenerator.MAX_WORKER_ID + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatNoException().isThrownBy(() -> new SnowflakeIdGenerator(0));
    assertThatNoException().isThrownBy(() -> new SnowflakeIdGenerator(SnowflakeIdGenerator.MAX_WORKER_ID));
  }

  @Test
  void theTimeOfAnIdIsTheMillisecondItWasIssuedIn() {
    SnowflakeIdGenerator generator = new SnowflakeIdGenerator(SnowflakeIdGenerator.MAX_WORKER_ID, () -> T);
    long id = generator.nextId();
    assertThat(SnowflakeIdGenerator.timeOf(id)).isEqualTo(Instant.ofEpochMilli(T));

    Instant before = Instant.ofEpochMilli(System.currentTimeMillis());
    long live = new SnowflakeIdGenerator(9).nextId();
    Instant after = Instant.ofEpochMilli(System.currentTimeMillis());
    assertThat(SnowflakeIdGenerator.timeOf(live)).isBetween(before, after);
  }

  @Test
  void theWorkerIdDoesNotLeakIntoTheTimestamp() {
    long low = new SnowflakeIdGenerator(0, () -> T).nextId();
    long high = new SnowflakeIdGenerator(SnowflakeIdGenerator.MAX_WORKER_ID, () -> T).nextId();
    assertThat(high).isNotEqualTo(low);
    assertThat(SnowflakeIdGenerator.timeOf(high)).isEqualTo(SnowflakeIdGenerator.timeOf(low));
    assertThat(low).isPositive();
  }

  private static void assertStrictlyIncreasing(long[] ids) {
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] <= ids[i - 1]) {
        throw new AssertionError("id " + ids[i] + " at " + i + " is not above " + ids[i - 1]);
      }
    }
  }

  /** A wall clock the test moves by hand; it can be told to step forward after some reads. */
  private static final class FakeClock implements LongSupplier {
    private long now;
    private final AtomicInteger reads = new AtomicInteger();
    private int readsUntilStep = -1;
    private long step;

    FakeClock(long now) {
      this.now = now;
    }

    void set(long millis) {
      now = millis;
    }

    void advanceAfterReads(int readCount, long millis) {
      readsUntilStep = readCount;
      step = millis;
      reads.set(0);
    }

    int reads() {
      return reads.get();
    }

    @Override
    public long getAsLong() {
      reads.incrementAndGet();
      if (readsUntilStep > 0 && --readsUntilStep == 0) {
        now += step;
      }
      return now;
    }
  }
}
