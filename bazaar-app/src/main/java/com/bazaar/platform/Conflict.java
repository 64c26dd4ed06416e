package com.bazaar.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * A request that is well formed but clashes with the current state: answered with 409. Why it
 * clashes is a message key ({@code refusal.*}) and its arguments, read in the caller's language
 * wherever the conflict is shown (the API's {@code detail}, a page's message).
 */
public abstract class Conflict extends RuntimeException implements MessageSourceResolvable {
  private final String code;
  private final Object[] arguments;

  protected Conflict(String code, Object... arguments) {
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
