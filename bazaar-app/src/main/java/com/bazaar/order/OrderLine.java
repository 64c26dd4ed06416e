package com.bazaar.order;

import com.bazaar.platform.Money;

/** One item of an order, with its title and price frozen at the time the order was placed. */
public record OrderLine(long itemId, String title, Money price, int quantity) {
  public Money subtotal() {
    return price.times(quantity);
  }
}
