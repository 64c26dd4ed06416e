package com.bazaar.catalog;

import com.bazaar.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Prices to keep, both ends included, in minor units (fen) of the shop's currency like every
 * amount of the API; {@link #ANY} keeps all. Negative bounds and a minimum above the maximum
 * are refused, naming the parameter.
 */
public record PriceRange(long min, long max) {
  public static final PriceRange ANY = new PriceRange(0, Long.MAX_VALUE);

  public PriceRange {
    if (min < 0) {
      throw new InvalidInput("minPrice", "refusal.atLeast", 0);
    }
    if (max < 0) {
      throw new InvalidInput("maxPrice", "refusal.atLeast", 0);
    }
    if (min > max) {
      throw new InvalidInput("maxPrice", "refusal.atLeast", "minPrice");
    }
  }

  /** From optional bounds, as request parameters give them. */
  public static PriceRange of(@Nullable Long min, @Nullable Long max) {
    return new PriceRange(min == null ? 0 : min, max == null ? Long.MAX_VALUE : max);
  }

  public boolean isAny() {
    return min == 0 && max == Long.MAX_VALUE;
  }

  public boolean contains(long amount) {
    return amount >= min && amount <= max;
  }
}
