package com.bazaar.order;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;

/** One item of an order, with its title and price frozen at the time the order was placed. */
public record OrderLine(ItemId itemId, String title, Money price, int quantity) {
  public Money subtotal() {
    return price.times(quantity);
  }
}
