package com.bazaar.inventory;

import com.bazaar.platform.NotFound;

/** The inventory keeps no stock record for this item (it was never stocked). */
public final class StockNotFound extends NotFound {
  private final long itemId;

  public StockNotFound(long itemId) {
    super("refusal.notFound.stock", itemId);
    this.itemId = itemId;
  }

  public long itemId() {
    return itemId;
  }
}
