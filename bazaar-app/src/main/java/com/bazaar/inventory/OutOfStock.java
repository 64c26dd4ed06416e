package com.bazaar.inventory;

import com.bazaar.platform.Conflict;
import com.bazaar.platform.id.ItemId;

/** Not enough stock for the request; nothing was reserved. */
public final class OutOfStock extends Conflict {
  private final ItemId itemId;

  public OutOfStock(ItemId itemId) {
    super("refusal.outOfStock", itemId);
    this.itemId = itemId;
  }

  public ItemId itemId() {
    return itemId;
  }
}
