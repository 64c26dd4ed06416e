package com.bazaar.storefront;

import java.time.Duration;
import java.time.Instant;

/**
 * A time span as a shopper reads it on a page that runs no script: "45 s", "12 min", "2 h 05 min",
 * "3 d 4 h". The page is rendered on the server and refreshed, so the words only need to be right
 * when the page is drawn; minutes are rounded up, so "ends in 1 min" never shows on an ended sale.
 */
final class Countdown {
  private Countdown() {}

  static String between(Instant from, Instant to) {
    Duration left = Duration.between(from, to);
    if (left.isNegative() || left.isZero()) {
      return "0 s";
    }
    long seconds = left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    if (seconds < 60) {
      return seconds + " s";
    }
    long minutes = (seconds + 59) / 60;
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 24 * 60) {
      return minutes / 60 + " h " + String.format("%02d", minutes % 60) + " min";
    }
    long hours = minutes / 60;
    return hours / 24 + " d " + hours % 24 + " h";
  }
}
