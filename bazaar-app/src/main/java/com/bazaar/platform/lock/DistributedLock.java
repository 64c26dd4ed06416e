package com.bazaar.platform.lock;

import java.time.Duration;

/**
 * The lock port: runs a task while holding a named lock, so that across all nodes at most
 * one runs it at a time. The lease bounds how long a dead holder can block the others.
 */
public interface DistributedLock {

  /** Runs the task if the lock is free and answers true; answers false at once otherwise. */
  boolean tryRun(String name, Duration lease, Runnable task);
}
