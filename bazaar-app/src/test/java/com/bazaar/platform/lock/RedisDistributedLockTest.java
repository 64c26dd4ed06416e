package com.bazaar.platform.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
class RedisDistributedLockTest extends DistributedLockContract {
  private final RedisTestServer server = new RedisTestServer();
  private final String namespace = RedisTestServer.randomNamespace();
  private final List<RedisDistributedLock> nodes = new ArrayList<>();

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
    server.redis().opsForValue().set(namespace + ":job", "token-of-a-dead-node", Duration.ofMillis(800));
    DistributedLock survivor = node();
    AtomicInteger ran = new AtomicInteger();

    assertThat(survivor.tryRun("job", LEASE, ran::incrementAndGet)).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> survivor.tryRun("job", LEASE, ran::incrementAndGet));
    assertThat(ran).hasValue(1);
  }

  @Test
  void aLiveHolderKeepsTheLockPastItsLeaseByRenewingIt() throws Exception {
    DistributedLock holder = node();
    DistributedLock other = node();
    Duration shortLease = Duration.ofMillis(600);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> job = pool.submit(() -> holder.tryRun("long-job", shortLease, () -> {
        holding.countDown();
        DistributedLockContract.awaitLatch(release);
      }));
      DistributedLockContract.awaitLatch(holding);
      // Several leases long: without renewal the key would have expired and let "other" in.
      long until = System.nanoTime() + Duration.ofMillis(2000).toNanos();
      while (System.nanoTime() < until) {
        assertThat(other.tryRun("long-job", shortLease, () -> {})).isFalse();
      }
      release.countDown();
      assertThat(job.get(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
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
