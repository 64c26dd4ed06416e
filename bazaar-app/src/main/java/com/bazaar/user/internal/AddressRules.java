package com.bazaar.user.internal;

import com.bazaar.platform.InvalidInput;
import com.bazaar.user.AddressDetails;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an address must look like before it is stored: every text trimmed and NFC-normalized,
 * within its column's length (counted in code points, as a shopper counts characters), and free
 * of control characters, which a label printer or a log line would misread. A phone is a mainland
 * mobile number (11 digits starting 1) or, for everything else, an international-looking number of
 * 6 to 15 digits with an optional leading +; spaces and hyphens between digits are dropped.
 */
final class AddressRules {
  static final int RECIPIENT_MAX = 50;
  static final int REGION_MAX = 50;
  static final int CITY_MAX = 50;
  static final int LINE_MAX = 200;
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
  private static final Pattern CN_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
  private static final Pattern OTHER_PHONE = Pattern.compile("\\+[0-9]{6,15}|[0-9]{6,15}");
  private static final Pattern PHONE_SEPARATORS = Pattern.compile("(?<=[0-9])[ -](?=[0-9])");
  private static final Pattern POSTCODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z -]{1,8}[0-9A-Za-z]");

  private AddressRules() {}

  /** The details checked and normalized, or InvalidInput naming the first bad field. */
  static Checked check(AddressDetails details) {
    return new Checked(
        text("recipient", details.recipient(), RECIPIENT_MAX),
        phone(details.phone()),
        text("region", details.region(), REGION_MAX),
        text("city", details.city(), CITY_MAX),
        text("line", details.line(), LINE_MAX),
        postcode(details.postcode()));
  }

  record Checked(String recipient, String phone, String region, String city, String line, String postcode) {}

  private static String text(String field, @Nullable String value, int max) {
    String text = normalized(field, value);
    if (text.isEmpty()) {
      throw new InvalidInput(field, "refusal.required");
    }
    if (text.codePointCount(0, text.length()) > max) {
      throw new InvalidInput(field, "refusal.atMostCharacters", max);
    }
    return text;
  }

  private static String phone(@Nullable String value) {
    String phone = PHONE_SEPARATORS.matcher(text("phone", value, 30)).replaceAll("");
    if (!CN_MOBILE.matcher(phone).matches() && !(OTHER_PHONE.matcher(phone).matches() && !phone.startsWith("1"))) {
      throw new InvalidInput("phone", "refusal.address.phone");
    }
    return phone;
  }

  private static String postcode(@Nullable String value) {
    String postcode = normalized("postcode", value);
    if (!postcode.isEmpty() && !POSTCODE.matcher(postcode).matches()) {
      throw new InvalidInput("postcode", "refusal.address.postcode");
    }
    return postcode;
  }

  private static String normalized(String field, @Nullable String value) {
    String text = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
    if (CONTROL.matcher(text).find()) {
      throw new InvalidInput(field, "refusal.address.controlCharacters");
    }
    return text;
  }
}
