package com.bazaar.platform.lock;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Embedded adapter: exclusive within this JVM, which is the whole cluster in the embedded
 * default. The lease needs no enforcement here: a dead holder takes the JVM with it.
 */
@Component
@ConditionalOnProperty(name = "bazaar.lock.type", havingValue = "memory", matchIfMissing = true)
final class InMemoryDistributedLock implements DistributedLock {
  private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  @Override
  public boolean tryRun(String name, Duration lease, Runnable task) {
    ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
    if (!lock.tryLock()) {
      return false;
    }
    try {
      task.run();
      return true;
    } finally {
      lock.unlock();
    }
  }
}
