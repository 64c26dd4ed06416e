package com.bazaar.cart;

import com.bazaar.platform.Money;
import java.util.List;

/** A shopper's cart with its total at current prices. */
public record Cart(List<CartLine> lines, Money total) {
  public boolean isEmpty() {
    return lines.isEmpty();
  }
}
