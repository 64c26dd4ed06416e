package com.bazaar.platform;

import java.util.Arrays;
import org.springframework.context.MessageSourceResolvable;

/**
 * How the domain states a refusal without choosing a language: a key of messages*.properties
 * ({@code refusal.*}) and its arguments, which the web edge reads in the caller's language (README,
 * "Languages"). Each kind of refusal ({@link NotFound}, {@link Conflict}, {@link InvalidInput},
 * {@link Unavailable}, the rate limiter's {@code RateLimited}) extends this class and is answered
 * with its own status by the web edge; the key, its arguments and the log message are kept here
 * once. Arguments are kept as text, so that an id or a limit reads as the domain wrote it
 * ("10000", never MessageFormat's "10,000").
 */
public abstract class Refusal extends RuntimeException implements MessageSourceResolvable {
  private final String code;
  private final Object[] arguments;

  protected Refusal(String code, Object... arguments) {
    this("", code, arguments);
  }

  /** {@code context} prefixes the log message only (an invalid input's field). */
  protected Refusal(String context, String code, Object... arguments) {
    super(context + describe(code, arguments));
    this.code = code;
    this.arguments = Arrays.stream(arguments).map(a -> a instanceof MessageSourceResolvable ? a : String.valueOf(a)).toArray();
  }

  @Override
  public final String[] getCodes() {
    return new String[] {code};
  }

  @Override
  public final Object[] getArguments() {
    return arguments.clone();
  }

  /**
   * The key itself, read when no language has a text for it (a typo {@code
   * MessagesInEveryLanguageTest} cannot see, a newer service's refusal relayed by an older caller):
   * the refusal keeps its own status instead of failing as a missing text, a 500. Only refusals
   * default so: the framework's own problem texts keep theirs.
   */
  @Override
  public final String getDefaultMessage() {
    return code;
  }

  /** Never null: a domain exception always says what went wrong, in no language (logs only). */
  @Override
  public final String getMessage() {
    return String.valueOf(super.getMessage());
  }

  private static String describe(String code, Object... arguments) {
    return arguments.length == 0 ? code : code + " " + Arrays.toString(arguments);
  }
}
