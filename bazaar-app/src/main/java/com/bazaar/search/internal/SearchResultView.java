package com.bazaar.search.internal;

import com.bazaar.platform.Money;
import com.bazaar.search.FoundItem;

/**
 * An item of /api/search as JSON (API.md): the item summary's fields and, added for
 * search, {@code highlight}, the title as HTML with the matched words in {@code <em>}.
 */
record SearchResultView(
    String id, String title, Money price, long stock, String categoryId, String highlight, String imageUrl) {
  static SearchResultView of(FoundItem found) {
    var item = found.item();
    return new SearchResultView(String.valueOf(item.id().value()), item.title(), item.price(), item.stock(),
        String.valueOf(item.categoryId().value()), found.highlight(), item.imageUrl());
  }
}
