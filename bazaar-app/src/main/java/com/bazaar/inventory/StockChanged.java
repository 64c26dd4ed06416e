package com.bazaar.inventory;

import com.bazaar.platform.id.ItemId;

/** The available stock of an item went up or down. */
public record StockChanged(ItemId itemId) {}
