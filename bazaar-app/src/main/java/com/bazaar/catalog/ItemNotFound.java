package com.bazaar.catalog;

import com.bazaar.platform.NotFound;
import com.bazaar.platform.id.ItemId;

/** No item has this id. */
public final class ItemNotFound extends NotFound {
  public ItemNotFound(long itemId) {
    super("refusal.notFound.item", itemId);
  }

  public ItemNotFound(ItemId itemId) {
    this(itemId.value());
  }
}
