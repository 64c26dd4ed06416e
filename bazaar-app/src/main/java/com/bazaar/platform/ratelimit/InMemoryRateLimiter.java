package com.bazaar.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Embedded adapter: a {@link TokenBucket} per (limit, key) in this JVM — the algorithm of the
 * Redis adapter, so a limit means the same on one node as in the cluster (one contract test,
 * {@code RateLimiterContract}). Each node counts alone: N nodes allow N × the limit. A bucket
 * idle for a whole period is full, the same as a new one, so it is dropped then; and at most
 * {@value #MAX_KEYS} are kept, so a flood of distinct keys (spoofed addresses) cannot grow
 * memory without bound.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "bazaar.rate-limit.type", havingValue = "memory", matchIfMissing = true)
final class InMemoryRateLimiter implements RateLimiter {
  private static final int MAX_KEYS = 100_000;

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfter(new IdleForAPeriod()).build();
  private final RateLimitProperties properties;

  InMemoryRateLimiter(RateLimitProperties properties) {
    this.properties = properties;
  }

  @Override
  public Optional<Duration> tryAcquire(String limit, String key) {
    RateLimitProperties.Limit configured = properties.limit(limit);
    long now = System.nanoTime();
    Bucket bucket = buckets.get(limit + ":" + key, name -> new Bucket(
        new TokenBucket(configured.permits(), configured.period().toNanos(), now), configured.period().toNanos()));
    long waitNanos = bucket.tokens().take(now);
    return waitNanos <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(waitNanos));
  }

  private record Bucket(TokenBucket tokens, long periodNanos) {}

  private static final class IdleForAPeriod implements Expiry<String, Bucket> {
    @Override
    public long expireAfterCreate(String key, Bucket bucket, long currentTime) {
      return bucket.periodNanos();
    }

    @Override
    public long expireAfterUpdate(String key, Bucket bucket, long currentTime, long currentDuration) {
      return bucket.periodNanos();
    }

    @Override
    public long expireAfterRead(String key, Bucket bucket, long currentTime, long currentDuration) {
      return bucket.periodNanos();
    }
  }
}
