package com.bazaar.platform;

/** Input that breaks a rule only the domain can check: answered with 400 naming the field. */
public class InvalidInput extends RuntimeException {
  private final String field;

  public InvalidInput(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** Never null: a domain exception always says what went wrong. */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }
}
