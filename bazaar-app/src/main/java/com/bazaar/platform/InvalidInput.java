package com.bazaar.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input that breaks a rule only the domain can check: answered with 400 naming the field. The
 * reason is a message key ({@code refusal.*}) and its arguments, read in the caller's language
 * wherever it is shown (the API's field error, the message beside a form's field).
 */
public class InvalidInput extends RuntimeException implements MessageSourceResolvable {
  private final String field;
  private final String code;
  private final Object[] arguments;

  public InvalidInput(String field, String code, Object... arguments) {
    super(field + ": " + Refusal.describe(code, arguments));
    this.field = field;
    this.code = code;
    this.arguments = Refusal.arguments(arguments);
  }

  public String field() {
    return field;
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
