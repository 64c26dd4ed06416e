package com.bazaar.inventory;

/** How many units of an item can be bought now. */
public record StockLevel(long itemId, long available) {}
