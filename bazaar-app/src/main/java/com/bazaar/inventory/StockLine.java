package com.bazaar.inventory;

import com.bazaar.platform.id.ItemId;

/** A quantity of one item to take from stock or give back to it. */
public record StockLine(ItemId itemId, int quantity) {
  public StockLine {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be ≥ 1: " + quantity);
    }
  }
}
