package com.bazaar.catalog;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import java.time.Instant;

/** An item as its own page shows it (and as the item cache holds it, as JSON in Redis). */
public record ItemDetail(
    ItemId id,
    String title,
    String description,
    Money price,
    long stock,
    CategoryId categoryId,
    Instant updatedAt,
    String imageUrl) {

  public ItemSummary summary() {
    return new ItemSummary(id, title, price, stock, categoryId, imageUrl);
  }
}
