package com.bazaar.catalog;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;

/** An item as a cart line or an order line shows it: its title and current price, no stock. */
public record PricedItem(ItemId id, String title, Money price) {}
