package com.bazaar.cart;

import com.bazaar.platform.Money;

/** One item in a cart, at the item's current price. */
public record CartLine(long itemId, String title, Money price, int quantity) {}
