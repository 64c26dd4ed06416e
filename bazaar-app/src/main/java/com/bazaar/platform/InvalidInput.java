package com.bazaar.platform;

/**
 * Input that breaks a rule only the domain can check: answered with 400 naming the field. The
 * reason is a message key ({@code refusal.*}) and its arguments, read in the caller's language
 * wherever it is shown (the API's field error, the message beside a form's field).
 */
public class InvalidInput extends Refusal {
  private final String field;

  public InvalidInput(String field, String code, Object... arguments) {
    super(field + ": ", code, arguments);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
