package com.bazaar.platform.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.RedisTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lock across processes: a holder in another JVM keeps it (renewing past its lease)
 * while it lives; killed with -9, it stops renewing and the lock passes to another holder
 * once the lease runs out.
 */
class RedisLockHolderKilledIT {
  /** Renewed every second: only a holder stalled for 2 s would lose it while alive. */
  private static final Duration LEASE = Duration.ofSeconds(3);
  private final RedisTestServer server = new RedisTestServer();
  private final String namespace = RedisTestServer.randomNamespace();
  private Process holder;

  @AfterEach
  void cleanUp() {
    if (holder != null) {
      holder.destroyForcibly();
    }
    server.deleteNamespace(namespace);
    server.close();
  }

  @Test
  void aHolderKilledWithSigkillLosesTheLockAfterItsLeaseAndAnotherNodeTakesOver() throws Exception {
    Path log = Files.createDirectories(Paths.get("target")).resolve("lock-holder-" + namespace + ".log");
    holder = new ProcessBuilder(List.of(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            LockHolderProcess.class.getName(), namespace, "nightly-job", String.valueOf(LEASE.toMillis())))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile()) // a file, not a pipe nobody drains: logging must never block it
        .start();
    await("the holder process takes the lock").atMost(Duration.ofSeconds(60))
        .until(() -> Files.readString(log).lines().anyMatch("HOLDING"::equals));

    RedisDistributedLock otherNode = new RedisDistributedLock(server.redis(), namespace);
    AtomicInteger ran = new AtomicInteger();
    try {
      // Renewal keeps the live holder's lock well past one lease.
      await("the live holder keeps the lock").during(LEASE.multipliedBy(2))
          .atMost(LEASE.multipliedBy(2).plusSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> !otherNode.tryRun("nightly-job", LEASE, ran::incrementAndGet));
      assertThat(ran).as("nothing ran beside the live holder").hasValue(0);

      holder.destroyForcibly().waitFor(); // kill -9: no release, no more renewals

      await().atMost(LEASE.multipliedBy(5)).pollInterval(Duration.ofMillis(100))
          .until(() -> otherNode.tryRun("nightly-job", LEASE, ran::incrementAndGet));
      assertThat(ran).hasValue(1);
    } finally {
      otherNode.close();
    }
  }
}
