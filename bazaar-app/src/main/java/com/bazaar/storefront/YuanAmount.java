package com.bazaar.storefront;

import com.bazaar.platform.InvalidInput;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A price typed by an admin in yuan ("19.99") read exactly as fen (1999): BigDecimal, never a
 * double, and no silent rounding — a third decimal is an error, not a rounding choice.
 */
final class YuanAmount {
  private static final int FEN_DIGITS = 2;
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,16}(\\.[0-9]{1,16})?");

  private YuanAmount() {}

  static long toFen(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput(field, "refusal.yuan.required");
    }
    String plain = text.strip();
    if (plain.startsWith("-")) {
      throw new InvalidInput(field, "refusal.yuan.negative");
    }
    // Plain digits only: no exponent ("1e9"), sign or grouping to misread.
    if (!DECIMAL.matcher(plain).matches()) {
      throw new InvalidInput(field, "refusal.yuan.notANumber");
    }
    BigDecimal yuan = new BigDecimal(plain);
    if (yuan.stripTrailingZeros().scale() > FEN_DIGITS) {
      throw new InvalidInput(field, "refusal.yuan.decimals");
    }
    try {
      return yuan.movePointRight(FEN_DIGITS).longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidInput(field, "refusal.yuan.tooLarge");
    }
  }

  /** The form text for an amount in fen: 1999 → "19.99". */
  static String fromFen(long fen) {
    return BigDecimal.valueOf(fen, FEN_DIGITS).toPlainString();
  }
}
