package com.bazaar.platform;

/** A request that is well formed but clashes with the current state: answered with 409. */
public abstract class Conflict extends RuntimeException {
  protected Conflict(String message) {
    super(message);
  }

  /** Never null: a domain exception always says what went wrong. */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }
}
