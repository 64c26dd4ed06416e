package com.bazaar.catalog;

import com.bazaar.platform.Money;
import java.io.Serializable;
import java.time.Instant;

/** An item as its own page shows it; serializable for the shared (Redis) level of the cache. */
public record ItemDetail(
    long id, String title, String description, Money price, long stock, long categoryId, Instant updatedAt)
    implements Serializable {

  public ItemSummary summary() {
    return new ItemSummary(id, title, price, stock, categoryId);
  }
}
