package com.bazaar.platform.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.support.ApiTest;
import com.bazaar.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stage 10: worker ids leased from the database. The same assertions run on H2 and on
 * MariaDB. Nodes are simulated by generators with their own clocks.
 */
abstract class WorkerIdLeaseContract extends ApiTest {
  private static final Duration LEASE = Duration.ofSeconds(1);
  private static final long T0 = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();

  @Autowired JdbcClient jdbc;
  WorkerIdLeases leases;

  @BeforeEach
  void emptyLeaseTable() {
    jdbc.sql("DELETE FROM worker_id_leases").update();
    leases = new WorkerIdLeases(jdbc);
  }

  @Test
  void nodesStartingTogetherGetDistinctWorkerIds() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> starts = IntStream.range(0, 24)
          .<Callable<Integer>>mapToObj(i -> () -> leases.acquire("node-" + i, T0, 60_000).workerId())
          .toList();
      Set<Integer> workerIds = new HashSet<>();
      for (Future<Integer> started : pool.invokeAll(starts)) {
        workerIds.add(started.get());
      }
      assertThat(workerIds).hasSize(24);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTakeoverIssuesOnlyIdsAfterEveryIdOfThePreviousHolder() {
    MutableClock clockA = new MutableClock(T0);
    LeasedIdGenerator a = new LeasedIdGenerator(leases, clockA, LEASE);
    long lastOfA = 0;
    for (int ms = 0; ms < 1000; ms += 10) {
      clockA.set(T0 + ms);
      lastOfA = Math.max(lastOfA, a.nextId());
    }

    // A stops renewing (a pause, a partition). B takes over once the lease has expired.
    MutableClock clockB = new MutableClock(T0 + LEASE.toMillis() + 1);
    LeasedIdGenerator b = new LeasedIdGenerator(leases, clockB, LEASE);

    assertThat(b.workerId()).isEqualTo(a.workerId());
    assertThat(b.nextId()).isGreaterThan(lastOfA);
  }

  @Test
  void aHolderWhoseLeaseRanOutStopsIssuingIds() {
    MutableClock clock = new MutableClock(T0);
    LeasedIdGenerator node = new LeasedIdGenerator(leases, clock, LEASE);
    node.nextId();

    clock.set(T0 + LEASE.toMillis());

    assertThatThrownBy(node::nextId).isInstanceOf(LeasedIdGenerator.WorkerLeaseLost.class);
  }

  @Test
  void renewingKeepsTheLeaseUntilAnotherNodeTakesItOver() {
    MutableClock clockA = new MutableClock(T0);
    LeasedIdGenerator a = new LeasedIdGenerator(leases, clockA, LEASE);
    clockA.set(T0 + 900);
    a.renew();
    clockA.set(T0 + 1500);
    assertThat(a.nextId()).as("renewed, so still valid past the first expiry").isPositive();

    new LeasedIdGenerator(leases, new MutableClock(T0 + 900 + LEASE.toMillis() + 1), LEASE);
    a.renew();

    assertThatThrownBy(a::nextId).isInstanceOf(LeasedIdGenerator.WorkerLeaseLost.class);
  }

  @Test
  void aRestartWithTheClockBehindTakesAnotherWorkerIdInsteadOfRepeatingIds() {
    MutableClock clock = new MutableClock(T0);
    LeasedIdGenerator before = new LeasedIdGenerator(leases, clock, Duration.ofMinutes(1));
    clock.set(T0 + 20_000);
    before.nextId();
    before.release();

    LeasedIdGenerator after = new LeasedIdGenerator(leases, new MutableClock(T0 + 10_000), Duration.ofMinutes(1));

    assertThat(after.workerId()).isNotEqualTo(before.workerId());
  }

  @Test
  void twoLeasedGeneratorsInParallelIssueAMillionDistinctIds() throws Exception {
    LeasedIdGenerator one = new LeasedIdGenerator(leases, Clock.systemUTC(), Duration.ofMinutes(1));
    LeasedIdGenerator two = new LeasedIdGenerator(leases, Clock.systemUTC(), Duration.ofMinutes(1));
    int perGenerator = 500_000;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<long[]> first = pool.submit(() -> issue(one, perGenerator));
      Future<long[]> second = pool.submit(() -> issue(two, perGenerator));
      long[] all = new long[2 * perGenerator];
      System.arraycopy(first.get(), 0, all, 0, perGenerator);
      System.arraycopy(second.get(), 0, all, perGenerator, perGenerator);
      Arrays.sort(all);
      for (int i = 1; i < all.length; i++) {
        assertThat(all[i]).isNotEqualTo(all[i - 1]);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long[] issue(IdGenerator generator, int count) {
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      ids[i] = generator.nextId();
    }
    return ids;
  }
}
