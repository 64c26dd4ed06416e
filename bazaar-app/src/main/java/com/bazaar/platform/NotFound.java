package com.bazaar.platform;

/**
 * A resource that does not exist, or that the caller may not see: answered with 404. What was not
 * found is a message key ({@code refusal.notFound.*}) and its arguments, read in the caller's
 * language in the API's {@code detail}.
 */
public abstract class NotFound extends Refusal {
  protected NotFound(String code, Object... arguments) {
    super(code, arguments);
  }
}
