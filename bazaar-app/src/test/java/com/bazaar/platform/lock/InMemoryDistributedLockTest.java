package com.bazaar.platform.lock;

/** The embedded lock: one JVM is the whole cluster, so "two nodes" share one instance. */
class InMemoryDistributedLockTest extends DistributedLockContract {
  private final InMemoryDistributedLock lock = new InMemoryDistributedLock();

  @Override
  DistributedLock node() {
    return lock;
  }
}
