package com.bazaar.search.internal;

import java.util.List;

/**
 * The search-index port: an inverted index of item texts. Answers ids only; the catalog
 * supplies current prices and stock, so the index never serves a stale price.
 */
interface ItemIndex {

  /** Adds the item, or replaces the earlier version of it. */
  void index(IndexedItem item);

  /** Adds or replaces many items, made searchable together. */
  void indexAll(List<IndexedItem> items);

  void remove(long itemId);

  void clear();

  long count();

  /** Ids of the best matches, best first, for one window of results. */
  Hits search(String text, int offset, int limit);

  record IndexedItem(long id, String title, String description, long categoryId) {}

  record Hits(List<Long> ids, long total) {}
}
