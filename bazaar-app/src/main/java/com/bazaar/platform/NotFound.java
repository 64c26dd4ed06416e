package com.bazaar.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * A resource that does not exist, or that the caller may not see: answered with 404. What was not
 * found is a message key ({@code refusal.notFound.*}) and its arguments, read in the caller's
 * language in the API's {@code detail}.
 */
public abstract class NotFound extends RuntimeException implements MessageSourceResolvable {
  private final String code;
  private final Object[] arguments;

  protected NotFound(String code, Object... arguments) {
    super(Refusal.describe(code, arguments));
    this.code = code;
    this.arguments = Refusal.arguments(arguments);
  }

  @Override
  public String[] getCodes() {
    return new String[] {code};
  }

  @Override
  public Object[] getArguments() {
    return arguments.clone();
  }

  /** Never null: a domain exception always says what went wrong. */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }
}
