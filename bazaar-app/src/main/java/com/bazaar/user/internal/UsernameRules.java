package com.bazaar.user.internal;

import com.bazaar.platform.InvalidInput;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.SpoofChecker.RestrictionLevel;
import java.util.regex.Pattern;

/**
 * What a username may be, and when two names are the same person's. A name is stored in
 * Unicode NFKC form (full-width {@code ａｄｍｉｎ} becomes {@code admin}); it may hold letters,
 * digits, '_', '.' and '-', from one script or from the combinations of Latin with Han, kana
 * or Hangul that Chinese, Japanese and Korean names use (Unicode TR39's "highly restrictive"
 * level, checked by ICU's SpoofChecker), so a Latin name with one Cyrillic {@code а} is
 * refused. Two names whose TR39 confusable skeletons match look alike ({@code adrnin},
 * {@code admin}); the skeleton is stored with a unique index, so the second is refused
 * however the two registrations race.
 */
public final class UsernameRules {
  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 32;
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_.-]+");
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  /** Immutable once built and safe for concurrent use (ICU's own guarantee). */
  private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder()
      .setRestrictionLevel(RestrictionLevel.HIGHLY_RESTRICTIVE)
      .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.INVISIBLE | SpoofChecker.MIXED_NUMBERS)
      .build();

  private UsernameRules() {}

  /** The name as it is stored and shown: NFKC, without surrounding spaces. */
  public static String normalize(String username) {
    return NFKC.normalize(username).strip();
  }

  /** The name as logins, throttles and the unique index compare it: NFKC, case-folded. */
  public static String key(String username) {
    return UCharacter.foldCase(normalize(username), true);
  }

  /**
   * Equal for names that look alike, whatever their case. TR39 skeletons are case-sensitive
   * (capital I becomes l, small i stays), so the skeleton is taken before case folding (PayPaI
   * meets paypal) and again after it (ADMIN meets adrnin), and a small i then counts as l too,
   * as its capital does: i, I, l and 1 are one letter here, a deliberate over-match.
   */
  public static String skeleton(String username) {
    String asWritten = SPOOF_CHECKER.getSkeleton(normalize(username));
    return SPOOF_CHECKER.getSkeleton(UCharacter.foldCase(asWritten, true)).replace('i', 'l');
  }

  /** Refuses a normalized name that breaks a rule, naming the rule. */
  public static void check(String normalized) {
    int length = normalized.codePointCount(0, normalized.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidInput("username", "refusal.username.length", MIN_LENGTH, MAX_LENGTH);
    }
    if (!ALLOWED.matcher(normalized).matches()) {
      throw new InvalidInput("username", "validation.username.characters");
    }
    if (SPOOF_CHECKER.failsChecks(normalized)) {
      throw new InvalidInput("username", "refusal.username.mixedScripts");
    }
  }
}
