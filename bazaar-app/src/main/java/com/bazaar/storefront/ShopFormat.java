package com.bazaar.storefront;

import com.bazaar.platform.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How pages show money and time. Money goes from minor units to text through BigDecimal,
 * so "¥1,234.56" is exact for any amount (a double would round large ones). Times are shown
 * in UTC, labelled, because that is how they are stored and the shop has no user time zone.
 */
public final class ShopFormat {
  private static final Map<String, String> SYMBOLS = Map.of("CNY", "¥", "USD", "$", "EUR", "€");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  static final ZoneId SHOPPER_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHOPPER_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC'xxx')'").withZone(SHOPPER_ZONE);
  private static final DecimalFormatSymbols SYMBOLS_ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);
  private static final ThreadLocal<Map<Integer, DecimalFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

  /** "¥1,234.56" for 123456 fen; a negative amount gets a leading minus. */
  public String price(Money money) {
    int digits = fractionDigits(money.currency());
    DecimalFormat format = FORMATS.get().computeIfAbsent(digits, ShopFormat::decimalFormat);
    BigDecimal major = BigDecimal.valueOf(money.amount(), digits);
    String symbol = SYMBOLS.getOrDefault(money.currency(), money.currency() + " ");
    String number = format.format(major.abs());
    return (money.isNegative() ? "-" : "") + symbol + number;
  }

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /**
   * A time as the shopper reads it on their own pages: in the shop's zone (Asia/Shanghai; there is
   * no per-shopper zone yet), labelled with its offset, since it is stored and sent in UTC.
   */
  public String shopperTime(Instant instant) {
    return instant == null ? "" : SHOPPER_TIME.format(instant);
  }

  /** The instant as a machine reads it (ISO-8601 UTC): for {@code <time datetime>} and the countdown script. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  /** A DecimalFormat is costly to build (a page shows dozens of prices) and not thread-safe: one per thread and scale. */
  private static DecimalFormat decimalFormat(int digits) {
    return new DecimalFormat(pattern(digits), SYMBOLS_ROOT);
  }

  static int fractionDigits(String currency) {
    try {
      return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException unknown) {
      return 2;
    }
  }

  private static String pattern(int digits) {
    return digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
  }
}
