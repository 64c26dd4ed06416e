package com.bazaar.inventory;

import com.bazaar.platform.Conflict;

/** Not enough stock for the request; nothing was reserved. */
public final class OutOfStock extends Conflict {
  private final long itemId;

  public OutOfStock(long itemId) {
    super("refusal.outOfStock", itemId);
    this.itemId = itemId;
  }

  public long itemId() {
    return itemId;
  }
}
