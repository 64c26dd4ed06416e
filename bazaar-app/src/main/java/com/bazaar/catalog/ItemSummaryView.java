package com.bazaar.catalog;

import com.bazaar.platform.Money;

/** An item summary as JSON answers show it (API.md): ids as strings. */
public record ItemSummaryView(
    String id, String title, Money price, long stock, String categoryId, String imageUrl) {
  public static ItemSummaryView of(ItemSummary item) {
    return new ItemSummaryView(
        String.valueOf(item.id().value()),
        item.title(),
        item.price(),
        item.stock(),
        String.valueOf(item.categoryId().value()),
        item.imageUrl());
  }
}
