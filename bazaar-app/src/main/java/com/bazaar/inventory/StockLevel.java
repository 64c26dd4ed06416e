package com.bazaar.inventory;

import com.bazaar.platform.id.ItemId;

/** How many units of an item can be bought now. */
public record StockLevel(ItemId itemId, long available) {}
