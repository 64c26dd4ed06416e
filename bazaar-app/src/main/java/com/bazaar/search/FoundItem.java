package com.bazaar.search;

import com.bazaar.catalog.ItemSummary;

/**
 * An item search found, with its title as HTML: escaped, the words the query matched in
 * {@code <em>} (safe to insert into a page as it is).
 */
public record FoundItem(ItemSummary item, String highlight) {}
