package com.bazaar.bench;

import java.util.Locale;

/** What a virtual shopper can do in one step of the mix. */
public enum Action {
  BROWSE, ITEM, SEARCH, CART, ORDER, PAY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Action parse(String label) {
    for (Action a : values()) {
      if (a.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown action '" + label.trim() + "' (known: browse, item, search, cart, order, pay)");
  }
}
