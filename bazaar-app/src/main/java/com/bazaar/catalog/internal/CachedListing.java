package com.bazaar.catalog.internal;

import java.util.List;

/**
 * What the {@code listings} cache holds for one page of a listing: the ids it shows, in order,
 * and the total the pager counts — never the items themselves, whose title, price and stock are
 * read through the {@code items} cache, so a listing shows them as fresh as the item page. The
 * ids are bare numbers, as in every shared cache entry (JSON in Redis). Public only so that the
 * serializer's test in platform.cache can round-trip it.
 */
public record CachedListing(List<Long> ids, long total) {

  public CachedListing {
    ids = List.copyOf(ids);
  }
}
