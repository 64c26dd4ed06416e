package com.bazaar.platform;

import java.util.Arrays;
import org.springframework.context.MessageSourceResolvable;

/**
 * How the domain states a refusal without choosing a language: a key of messages*.properties
 * ({@code refusal.*}) and its arguments, which the web edge reads in the caller's language (README,
 * "Languages"). Arguments are kept as text, so that an id or a limit reads as the domain wrote it
 * ("10000", never MessageFormat's "10,000").
 */
final class Refusal {
  private Refusal() {}

  static Object[] arguments(Object... arguments) {
    return Arrays.stream(arguments).map(a -> a instanceof MessageSourceResolvable ? a : String.valueOf(a)).toArray();
  }

  /** The exception's own message, for logs only: the key and its arguments, in no language. */
  static String describe(String code, Object... arguments) {
    return arguments.length == 0 ? code : code + " " + Arrays.toString(arguments);
  }
}
