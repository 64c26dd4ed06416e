package com.bazaar.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cache.CacheManager;

/** The embedded cache protects the database the same way, inside one JVM. */
class CaffeineCacheTest {
  private final CacheProperties properties = new CacheProperties(
      "caffeine", List.of("items"), 1000, Duration.ofMinutes(10), 0.2,
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMillis(500), "unused");
  private final CacheManager caches = new CaffeineCacheConfiguration().cacheManager(properties);
  private final org.springframework.cache.Cache items = caches.getCache("items");

  @Test
  void aHotKeyMissedByOneHundredConcurrentReadersIsLoadedOnce() throws Exception {
    assertThat(Stampede.loadsOfAHotKey(items)).isEqualTo(1);
  }

  @Test
  void unknownIdsAreRememberedForTheShortAbsentTtlAndFoundOnesJitteredBelowTheTtl() {
    AtomicInteger loads = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      items.get(999L, () -> { loads.incrementAndGet(); return null; });
    }
    assertThat(loads).hasValue(1);
    Set<Long> seconds = new HashSet<>();
    for (long id = 1; id <= 50; id++) {
      items.get(id, () -> "item");
      Duration left = expiresAfter(id);
      assertThat(left).isBetween(Duration.ofMinutes(8).minusSeconds(1), Duration.ofMinutes(10));
      seconds.add(left.toSeconds());
    }
    assertThat(seconds).as("distinct expiry seconds").hasSizeGreaterThan(20);
    assertThat(expiresAfter(999L)).isLessThanOrEqualTo(properties.absentTtl());
  }

  @SuppressWarnings("unchecked")
  private Duration expiresAfter(long key) {
    Cache<Object, Object> nativeCache = (Cache<Object, Object>) items.getNativeCache();
    return nativeCache.policy().expireVariably().orElseThrow().getExpiresAfter(key).orElseThrow();
  }
}
