package com.bazaar.platform;

import java.time.Duration;
import org.springframework.context.MessageSourceResolvable;

/**
 * A dependency is down or the site is saturated: answered at once with 503 and
 * {@code Retry-After}, instead of a timeout or a 500. Nothing was changed. What is resting is a
 * message key ({@code refusal.unavailable.*}), read in the caller's language in the API's detail.
 */
public abstract class Unavailable extends RuntimeException implements MessageSourceResolvable {
  private final String code;
  private final Object[] arguments;
  private final Duration retryAfter;

  protected Unavailable(String code, Duration retryAfter, Object... arguments) {
    super(Refusal.describe(code, arguments));
    this.code = code;
    this.arguments = Refusal.arguments(arguments);
    this.retryAfter = retryAfter;
  }

  @Override
  public String[] getCodes() {
    return new String[] {code};
  }

  @Override
  public Object[] getArguments() {
    return arguments.clone();
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
