package com.bazaar.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.catalog.Category;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * What a loader throws reaches the caller as itself, not wrapped by the cache: a database that
 * gives no connection in time must still answer 503 (ApiExceptionHandler maps the JDBC exception),
 * not 500 (found under a flash-sale storm: the admin's sale creation read its item through the
 * cache and answered 500).
 */
class CatalogCacheLoaderFailureTest {
  private final CatalogCache cache = new CatalogCache(new CaffeineCacheManager("items", "categories", "listings"));

  @Test
  void anItemLoadThatFailsThrowsTheLoadersException() {
    CannotGetJdbcConnectionException busy = new CannotGetJdbcConnectionException("no connection in time");

    assertThatThrownBy(() -> cache.item(7, () -> {
      throw busy;
    })).isSameAs(busy);
  }

  @Test
  void aCategoriesLoadThatFailsThrowsTheLoadersException() {
    CannotGetJdbcConnectionException busy = new CannotGetJdbcConnectionException("no connection in time");

    assertThatThrownBy(() -> cache.categories(() -> {
      throw busy;
    })).isSameAs(busy);
  }

  @Test
  void aFailedLoadLeavesNothingCachedAndTheNextLoadRuns() {
    assertThatThrownBy(() -> cache.categories(() -> {
      throw new CannotGetJdbcConnectionException("busy");
    })).isInstanceOf(CannotGetJdbcConnectionException.class);

    List<Category> loaded = cache.categories(List::of);

    assertThat(loaded).isEmpty();
  }
}
