package com.bazaar.platform.ratelimit;

import com.bazaar.platform.Refusal;
import java.time.Duration;

/**
 * A caller went over a rate limit: answered with 429 and {@code Retry-After}, the detail in the
 * caller's language ({@code refusal.rateLimited}, with the whole seconds to wait).
 */
public final class RateLimited extends Refusal {
  private final Duration retryAfter;

  public RateLimited(Duration retryAfter) {
    super("refusal.rateLimited", seconds(retryAfter));
    this.retryAfter = retryAfter;
  }

  private static long seconds(Duration wait) {
    return Math.max(1, wait.toSeconds());
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
