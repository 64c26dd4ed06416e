package com.bazaar.inventory;

/** The available stock of an item went up or down. */
public record StockChanged(long itemId) {}
