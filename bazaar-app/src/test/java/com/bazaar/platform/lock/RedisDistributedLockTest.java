package com.bazaar.platform.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.RealEngines;
import com.bazaar.support.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Redis lock against the real Redis; each node() is a separate adapter, as on two nodes. */
@RealEngines
class RedisDistributedLockTest extends DistributedLockContract {
  private final RedisTestServer server = new RedisTestServer();
  private final String namespace = RedisTestServer.randomNamespace();
  private final List<RedisDistributedLock> nodes = new ArrayList<>();
  /** Renewed every third of it: long enough that a GC pause or a starved CPU does not lose it. */
  private static final Duration RENEWED_LEASE = Duration.ofSeconds(3);

  @Override
  DistributedLock node() {
    RedisDistributedLock lock = new RedisDistributedLock(server.redis(), namespace);
    nodes.add(lock);
    return lock;
  }

  @AfterEach
  void cleanUp() {
    nodes.forEach(RedisDistributedLock::close);
    server.deleteNamespace(namespace);
    server.close();
  }

  @Test
  void aLockLeftByADeadHolderIsTakenOverOnceItsLeaseRunsOut() {
    // A holder that died mid-task leaves its key behind with its lease and nobody to renew it.
    // The lease is long next to the one call that must be refused, so a pause of this thread
    // (GC, a starved CPU) cannot let it run out before that call.
    server.redis().opsForValue().set(namespace + ":job", "token-of-a-dead-node", RENEWED_LEASE);
    DistributedLock survivor = node();
    AtomicInteger ran = new AtomicInteger();

    assertThat(survivor.tryRun("job", LEASE, ran::incrementAndGet)).isFalse();
    await().atMost(RENEWED_LEASE.multipliedBy(4)).pollInterval(Duration.ofMillis(100))
        .until(() -> survivor.tryRun("job", LEASE, ran::incrementAndGet));
    assertThat(ran).hasValue(1);
  }

  @Test
  void aLiveHolderKeepsTheLockPastItsLeaseByRenewingIt() throws Exception {
    DistributedLock holder = node();
    DistributedLock other = node();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    AtomicInteger ranOnOther = new AtomicInteger();
    try {
      Future<Boolean> job = pool.submit(() -> holder.tryRun("long-job", RENEWED_LEASE, () -> {
        holding.countDown();
        DistributedLockContract.awaitLatch(release);
      }));
      DistributedLockContract.awaitLatch(holding);
      String token = server.redis().opsForValue().get(namespace + ":long-job");
      // Two leases long: without renewal the key would have expired and let "other" in. Only
      // a renewal thread stalled for two thirds of a lease (2 s) could lose it.
      await("the holder keeps the lock").during(RENEWED_LEASE.multipliedBy(2))
          .atMost(RENEWED_LEASE.multipliedBy(2).plusSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> !other.tryRun("long-job", RENEWED_LEASE, ranOnOther::incrementAndGet));
      assertThat(server.redis().opsForValue().get(namespace + ":long-job")).as("still the holder's key").isEqualTo(token);
      release.countDown();
      assertThat(job.get(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(ranOnOther).hasValue(0);
    assertThat(server.keys(namespace)).as("released after the task").isEmpty();
  }

  @Test
  void aHolderWhoseLeaseRanOutDoesNotReleaseTheNextHoldersLock() {
    DistributedLock late = node();
    String key = namespace + ":job";
    assertThat(late.tryRun("job", LEASE, () -> {
      // Meanwhile the lease "ran out" and another node took the lock.
      server.redis().opsForValue().set(key, "token-of-the-next-holder", LEASE);
    })).isTrue();
    assertThat(server.redis().opsForValue().get(key)).isEqualTo("token-of-the-next-holder");
  }
}
