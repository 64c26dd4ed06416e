package com.bazaar.user.internal;

import com.bazaar.platform.InvalidInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters (NIST SP 800-63B's
 * minimum), at most {@value #MAX_BYTES} bytes (BCrypt reads no more, so a longer one would be
 * silently cut), not the username, and not one of the most common passwords. That list is
 * {@code user/common-passwords.txt}: John the Ripper's password.lst (Openwall, public domain;
 * Debian package john-data, /usr/share/john/password.lst), compared without regard to case.
 */
public final class PasswordRules {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_BYTES = 72;
  private static final String COMMON_LIST = "/user/common-passwords.txt";
  private static final Set<String> COMMON = load();

  private PasswordRules() {}

  public static void check(String password, String username) {
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new InvalidInput("password", "refusal.password.tooShort", MIN_LENGTH);
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidInput("password", "refusal.password.tooLong", MAX_BYTES);
    }
    if (password.equalsIgnoreCase(username)) {
      throw new InvalidInput("password", "refusal.password.username");
    }
    if (isCommon(password)) {
      throw new InvalidInput("password", "refusal.password.common");
    }
  }

  static boolean isCommon(String password) {
    return COMMON.contains(password.toLowerCase(Locale.ROOT));
  }

  static int commonCount() {
    return COMMON.size();
  }

  private static Set<String> load() {
    try (InputStream in = PasswordRules.class.getResourceAsStream(COMMON_LIST)) {
      if (in == null) {
        throw new IllegalStateException(COMMON_LIST + " is missing from the classpath");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(line -> !line.startsWith("#!comment:") && !line.isBlank())
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
