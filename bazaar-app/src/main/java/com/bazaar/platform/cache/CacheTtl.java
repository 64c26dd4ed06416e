package com.bazaar.platform.cache;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.support.NullValue;
import org.springframework.data.redis.cache.RedisCacheWriter;

/**
 * Time to live of one entry: short for "absent" answers, otherwise the configured TTL minus a
 * random part of up to {@code jitter} of it, so that entries loaded in one burst (a restart, a
 * cold cache) expire spread out instead of sending all their reloads to the database at once.
 */
final class CacheTtl implements Expiry<Object, Object>, RedisCacheWriter.TtlFunction {
  private final Duration ttl;
  private final double jitter;
  private final Duration absentTtl;

  CacheTtl(Duration ttl, double jitter, Duration absentTtl) {
    this.ttl = ttl;
    this.jitter = jitter;
    this.absentTtl = absentTtl;
  }

  Duration of(@Nullable Object value) {
    if (value == null || value instanceof NullValue) {
      return absentTtl;
    }
    long millis = ttl.toMillis();
    long cut = (long) (millis * jitter * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(millis - cut);
  }

  @Override
  public Duration getTimeToLive(Object key, @Nullable Object value) {
    return of(value);
  }

  @Override
  public long expireAfterCreate(Object key, Object value, long currentTime) {
    return of(value).toNanos();
  }

  @Override
  public long expireAfterUpdate(Object key, Object value, long currentTime, long currentDuration) {
    return of(value).toNanos();
  }

  @Override
  public long expireAfterRead(Object key, Object value, long currentTime, long currentDuration) {
    return currentDuration;
  }
}
