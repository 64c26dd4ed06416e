package com.bazaar.cart;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;

/** One item in a cart, at the item's current price. */
public record CartLine(ItemId itemId, String title, Money price, int quantity) {}
