package com.bazaar.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a rate limit means, whichever adapter enforces it: a token bucket per (limit, key) —
 * {@code permits} at once, then one more every {@code period / permits}. Tolerance wherever
 * calls are counted: the bucket refills while the test runs, so up to {@code permits ×
 * elapsed / period} more may be granted.
 */
abstract class RateLimiterContract {
  static final int PERMITS = 50;
  static final Duration PERIOD = Duration.ofMinutes(1);
  static final Duration FAST_PERIOD = Duration.ofMillis(500);
  static final RateLimitProperties LIMITS = new RateLimitProperties(Map.of(
      "purchase", new RateLimitProperties.Limit(PERMITS, PERIOD),
      "fast", new RateLimitProperties.Limit(2, FAST_PERIOD)));

  /** The adapter under test, configured with {@link #LIMITS}. */
  abstract RateLimiter limiter();

  /** Keys of their own: a shared Redis may hold other runs' buckets. */
  static String newKey() {
    return "user-" + UUID.randomUUID();
  }

  @Test
  void aFullBucketGrantsItsPermitsThenARefusalWaitsForOneTokenNotForAWholePeriod() {
    RateLimiter limiter = limiter();
    String key = newKey();
    long started = System.nanoTime();
    int granted = 0;
    while (limiter.tryAcquire("purchase", key).isEmpty()) {
      granted++;
    }
    assertThat(granted).isBetween(PERMITS, PERMITS + refilledSince(started));

    assertThat(limiter.tryAcquire("purchase", key)).hasValueSatisfying(wait ->
        assertThat(wait).isPositive().isLessThanOrEqualTo(PERIOD.dividedBy(PERMITS)));
  }

  @Test
  void concurrentCallersTogetherGetNoMoreThanTheLimit() throws Exception {
    String key = newKey();
    long started = System.nanoTime();
    int granted = grantedToConcurrentCallers(List.of(limiter()), key);
    assertThat(granted).isBetween(PERMITS, PERMITS + refilledSince(started));
  }

  /** 400 calls for one key from 8 threads, spread over the limiters in turn: how many were granted. */
  static int grantedToConcurrentCallers(List<RateLimiter> limiters, String key) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        RateLimiter limiter = limiters.get(i % limiters.size());
        calls.add(callers.submit(() -> limiter.tryAcquire("purchase", key).isEmpty()));
      }
      int granted = 0;
      for (Future<Boolean> call : calls) {
        granted += call.get() ? 1 : 0;
      }
      return granted;
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void anEmptiedBucketRefillsByItself() {
    RateLimiter limiter = limiter();
    String key = newKey();
    while (limiter.tryAcquire("fast", key).isEmpty()) {
      // empty it
    }

    await().atMost(FAST_PERIOD.multipliedBy(10)).until(() -> limiter.tryAcquire("fast", key).isEmpty());
  }

  @Test
  void eachKeyHasItsOwnBucket() {
    RateLimiter limiter = limiter();
    String key = newKey();
    while (limiter.tryAcquire("fast", key).isEmpty()) {
      // empty it
    }

    assertThat(limiter.tryAcquire("fast", newKey())).isEmpty();
  }

  @Test
  void anUnconfiguredLimitIsAProgrammingError() {
    assertThatThrownBy(() -> limiter().tryAcquire("checkout", newKey()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bazaar.rate-limits.checkout");
  }

  static int refilledSince(long startedNanos) {
    return (int) Math.ceil(PERMITS * (double) (System.nanoTime() - startedNanos) / PERIOD.toNanos());
  }
}
