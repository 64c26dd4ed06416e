package com.bazaar.inventory;

import com.bazaar.platform.NotFound;
import com.bazaar.platform.id.ItemId;

/** The inventory keeps no stock record for this item (it was never stocked). */
public final class StockNotFound extends NotFound {
  private final ItemId itemId;

  public StockNotFound(ItemId itemId) {
    super("refusal.notFound.stock", itemId);
    this.itemId = itemId;
  }

  public ItemId itemId() {
    return itemId;
  }
}
