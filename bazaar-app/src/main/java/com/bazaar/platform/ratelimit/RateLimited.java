package com.bazaar.platform.ratelimit;

import java.time.Duration;
import org.springframework.context.MessageSourceResolvable;

/**
 * A caller went over a rate limit: answered with 429 and {@code Retry-After}, the detail in the
 * caller's language ({@code refusal.rateLimited}).
 */
public final class RateLimited extends RuntimeException implements MessageSourceResolvable {
  private final Duration retryAfter;

  public RateLimited(Duration retryAfter) {
    super("too many requests; retry after " + seconds(retryAfter) + " s");
    this.retryAfter = retryAfter;
  }

  @Override
  public String[] getCodes() {
    return new String[] {"refusal.rateLimited"};
  }

  @Override
  public Object[] getArguments() {
    return new Object[] {String.valueOf(seconds(retryAfter))};
  }

  private static long seconds(Duration wait) {
    return Math.max(1, wait.toSeconds());
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
