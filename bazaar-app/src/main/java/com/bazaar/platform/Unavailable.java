package com.bazaar.platform;

import java.time.Duration;

/**
 * A dependency is down or the site is saturated: answered at once with 503 and
 * {@code Retry-After}, instead of a timeout or a 500. Nothing was changed. What is resting is a
 * message key ({@code refusal.unavailable.*}), read in the caller's language in the API's detail.
 */
public abstract class Unavailable extends Refusal {
  private final Duration retryAfter;

  protected Unavailable(String code, Duration retryAfter, Object... arguments) {
    super(code, arguments);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
