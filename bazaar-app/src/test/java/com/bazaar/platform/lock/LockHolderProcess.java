package com.bazaar.platform.lock;

import com.bazaar.support.RedisTestServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A separate JVM that takes a Redis lock and holds it until it is killed, for
 * RedisLockHolderKilledIT: {@code <namespace> <lock name> <lease ms>}. Prints HOLDING once it
 * holds the lock.
 */
public final class LockHolderProcess {
  private LockHolderProcess() {}

  public static void main(String[] args) throws InterruptedException {
    RedisTestServer server = new RedisTestServer();
    RedisDistributedLock lock = new RedisDistributedLock(server.redis(), args[0]);
    CountDownLatch never = new CountDownLatch(1);
    boolean ran = lock.tryRun(args[1], Duration.ofMillis(Long.parseLong(args[2])), () -> {
      System.out.println("HOLDING");
      System.out.flush();
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    System.out.println(ran ? "RELEASED" : "REFUSED");
  }
}
