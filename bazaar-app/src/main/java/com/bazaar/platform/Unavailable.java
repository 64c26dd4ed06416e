package com.bazaar.platform;

import java.time.Duration;

/**
 * A dependency is down or the site is saturated: answered at once with 503 and
 * {@code Retry-After}, instead of a timeout or a 500. Nothing was changed.
 */
public abstract class Unavailable extends RuntimeException {
  private final Duration retryAfter;

  protected Unavailable(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Never null: a domain exception always says what went wrong. */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }
}
