package com.bazaar.catalog;

import com.bazaar.platform.NotFound;

/** No item has this id. */
public final class ItemNotFound extends NotFound {
  public ItemNotFound(long itemId) {
    super("refusal.notFound.item", itemId);
  }
}
