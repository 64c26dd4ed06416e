package com.bazaar.platform.cache;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.cache.*}: which caches exist and how long entries live. {@code type} is
 * {@code caffeine} (one JVM, the default) or {@code two-level} (Caffeine per node in front of
 * Redis shared by all nodes).
 *
 * @param ttl how long a found value lives, shortened by up to {@code ttlJitter} (a fraction)
 *     so entries loaded together do not all expire together (avalanche)
 * @param absentTtl how long "no such key" is remembered, short: ids that do not exist
 *     cost one load per period instead of one per request (penetration)
 * @param localTtl in two-level mode, the longest a node's copy lives: the staleness bound if
 *     that node ever misses an invalidation message
 * @param namespace Redis key and channel prefix in two-level mode
 */
@ConfigurationProperties("bazaar.cache")
public record CacheProperties(
    String type,
    List<String> names,
    long maximumSize,
    Duration ttl,
    double ttlJitter,
    Duration absentTtl,
    Duration localTtl,
    Duration secondEvictionDelay,
    String namespace) {

  public CacheProperties {
    names = List.copyOf(names);
    if (ttlJitter < 0 || ttlJitter >= 1) {
      throw new IllegalArgumentException("bazaar.cache.ttl-jitter must be in [0, 1), was " + ttlJitter);
    }
  }
}
