package com.bazaar.catalog;

import com.bazaar.platform.Money;

/** An item as a cart line or an order line shows it: its title and current price, no stock. */
public record PricedItem(long id, String title, Money price) {}
