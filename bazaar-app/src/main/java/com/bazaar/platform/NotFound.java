package com.bazaar.platform;

/** A resource that does not exist, or that the caller may not see: answered with 404. */
public abstract class NotFound extends RuntimeException {
  protected NotFound(String message) {
    super(message);
  }

  /** Never null: a domain exception always says what went wrong. */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }
}
