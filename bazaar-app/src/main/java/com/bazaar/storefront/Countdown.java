package com.bazaar.storefront;

import java.time.Duration;
import java.time.Instant;
import org.springframework.context.MessageSourceResolvable;

/**
 * A time span as a shopper reads it on a page that runs no script: "45 s", "12 min", "2 h 05 min",
 * "3 d 4 h". The page is rendered on the server and refreshed, so the words only need to be right
 * when the page is drawn; minutes are rounded up, so "ends in 1 min" never shows on an ended sale.
 */
final class Countdown {
  private Countdown() {}

  /** The same span as a message of the shop, read in the page's language. */
  static MessageSourceResolvable text(Instant from, Instant to) {
    Duration left = Duration.between(from, to);
    if (left.isNegative() || left.isZero()) {
      return ShopText.of("countdown.seconds", 0);
    }
    long seconds = left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    if (seconds < 60) {
      return ShopText.of("countdown.seconds", seconds);
    }
    long minutes = (seconds + 59) / 60;
    if (minutes < 60) {
      return ShopText.of("countdown.minutes", minutes);
    }
    if (minutes < 24 * 60) {
      return ShopText.of("countdown.hoursMinutes", minutes / 60, String.format("%02d", minutes % 60));
    }
    long hours = minutes / 60;
    return ShopText.of("countdown.daysHours", hours / 24, hours % 24);
  }
}
