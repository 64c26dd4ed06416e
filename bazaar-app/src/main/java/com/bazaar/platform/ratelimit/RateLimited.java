package com.bazaar.platform.ratelimit;

import java.time.Duration;

/** A caller went over a rate limit: answered with 429 and {@code Retry-After}. */
public final class RateLimited extends RuntimeException {
  private final Duration retryAfter;

  public RateLimited(Duration retryAfter) {
    super("too many requests; retry after " + Math.max(1, retryAfter.toSeconds()) + " s");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
