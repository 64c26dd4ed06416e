package com.bazaar.search;

import com.bazaar.catalog.ItemSummary;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;

/**
 * The search module's API: full-text search over item titles and descriptions, Chinese and
 * English, best match first. The index is fed by catalog events.
 */
public interface ItemSearch {
  Page<ItemSummary> search(String query, PageSpec page);
}
