package com.bazaar.inventory;

import com.bazaar.platform.Conflict;
import com.bazaar.platform.id.ItemId;

/** The item's starting stock is on record already: a new item is stocked once; a later count is a set or an adjustment. */
public final class AlreadyStocked extends Conflict {
  private final ItemId itemId;

  public AlreadyStocked(ItemId itemId) {
    super("refusal.stock.alreadyStocked", itemId);
    this.itemId = itemId;
  }

  public ItemId itemId() {
    return itemId;
  }
}
