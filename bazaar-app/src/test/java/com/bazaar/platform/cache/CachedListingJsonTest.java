package com.bazaar.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.catalog.internal.CachedListing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared listing cache (Redis, as JSON) holds a page's item ids as bare numbers and its total;
 * an entry of another shape is a miss, never a page with a made-up total.
 */
class CachedListingJsonTest {
  private final JsonCacheValues listings =
      new JsonCacheValues(CachedValueType.of("listings", CachedListing.class), new SimpleMeterRegistry());

  @Test
  void aListingPageRoundTripsAsItsIdsAndTotal() {
    CachedListing page = new CachedListing(List.of(9_007_199_254_740_993L, 42L), 57);

    String entry = new String(listings.serialize(page), StandardCharsets.UTF_8);

    assertThat(entry).isEqualTo("{\"ids\":[9007199254740993,42],\"total\":57}");
    assertThat(listings.deserialize(entry.getBytes(StandardCharsets.UTF_8))).isEqualTo(page);
  }

  @Test
  void anEmptyListingRoundTrips() {
    CachedListing none = new CachedListing(List.of(), 0);

    assertThat(listings.deserialize(listings.serialize(none))).isEqualTo(none);
  }

  @Test
  void anEntryWithoutItsTotalIsAMiss() {
    assertThat(listings.deserialize("{\"ids\":[1,2]}".getBytes(StandardCharsets.UTF_8))).isNull();
  }
}
