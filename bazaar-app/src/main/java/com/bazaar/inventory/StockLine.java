package com.bazaar.inventory;

/** A quantity of one item to take from stock or give back to it. */
public record StockLine(long itemId, int quantity) {
  public StockLine {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be ≥ 1: " + quantity);
    }
  }
}
