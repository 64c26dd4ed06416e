package com.bazaar.platform.ratelimit;

/** The embedded adapter: one node's buckets. */
class InMemoryRateLimiterTest extends RateLimiterContract {
  private final RateLimiter limiter = new InMemoryRateLimiter(LIMITS);

  @Override
  RateLimiter limiter() {
    return limiter;
  }
}
