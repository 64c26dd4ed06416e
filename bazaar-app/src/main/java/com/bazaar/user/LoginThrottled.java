package com.bazaar.user;

import java.io.Serial;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A login refused before its password was even checked: the client address or the username
 * used up its attempts (see docs/security.md). Each door answers it its own way: the API with
 * 429 and {@code Retry-After}, the login form with a page that says how long to wait.
 */
public final class LoginThrottled extends AuthenticationException {
  @Serial private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  public LoginThrottled(Duration retryAfter) {
    super("too many login attempts; try again in " + seconds(retryAfter) + " s");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds to wait, at least one. */
  public long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
