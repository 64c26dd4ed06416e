package com.bazaar.platform;

/**
 * A request that is well formed but clashes with the current state: answered with 409. Why it
 * clashes is a message key ({@code refusal.*}) and its arguments, read in the caller's language
 * wherever the conflict is shown (the API's {@code detail}, a page's message).
 */
public abstract class Conflict extends Refusal {
  protected Conflict(String code, Object... arguments) {
    super(code, arguments);
  }
}
