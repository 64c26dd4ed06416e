package com.bazaar.catalog;

import com.bazaar.platform.InvalidInput;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a list of items is ordered: newest first (the default, as before), by price either way,
 * or best-selling first. Ties fall back to newest first, so every order is total and stable
 * from one page to the next.
 */
public enum ItemOrder {
  NEWEST,
  PRICE_ASC,
  PRICE_DESC,
  SALES;

  /** The name the API and the pages use: {@code newest}, {@code price_asc}, … */
  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> params() {
    return Arrays.stream(values()).map(ItemOrder::param).toList();
  }

  /** Parses a {@code sort} parameter; anything else is a 400 that lists the allowed values. */
  public static ItemOrder of(String param) {
    for (ItemOrder order : values()) {
      if (order.param().equals(param)) {
        return order;
      }
    }
    throw new InvalidInput("sort", "refusal.oneOf", String.join(", ", params()));
  }
}
