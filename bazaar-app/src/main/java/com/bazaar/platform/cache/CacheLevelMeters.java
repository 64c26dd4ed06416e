package com.bazaar.platform.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code bazaar.cache.gets{cache, level=local|shared|miss}}: where a read of the two-level
 * cache was answered: this node's Caffeine, Redis, or neither (loaded from the database).
 */
final class CacheLevelMeters {
  private final Counter local;
  private final Counter shared;
  private final Counter miss;

  CacheLevelMeters(MeterRegistry meters, String cache) {
    this.local = counter(meters, cache, "local");
    this.shared = counter(meters, cache, "shared");
    this.miss = counter(meters, cache, "miss");
  }

  void local() {
    local.increment();
  }

  void shared() {
    shared.increment();
  }

  void miss() {
    miss.increment();
  }

  private static Counter counter(MeterRegistry meters, String cache, String level) {
    return Counter.builder("bazaar.cache.gets").tag("cache", cache).tag("level", level)
        .description("two-level cache reads by the level that answered").register(meters);
  }
}
