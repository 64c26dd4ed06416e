package com.bazaar.search.internal;

import com.bazaar.catalog.ItemDetail;
import java.util.Objects;

/**
 * What the index knows of an item: only the searchable text and the category. Price and
 * stock are deliberately absent; they change too often and are read fresh from the catalog.
 */
record IndexedItem(long id, String title, String description, long categoryId) {

  IndexedItem {
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
  }

  static IndexedItem of(ItemDetail item) {
    return new IndexedItem(item.id().value(), item.title(), item.description(), item.categoryId().value());
  }
}
