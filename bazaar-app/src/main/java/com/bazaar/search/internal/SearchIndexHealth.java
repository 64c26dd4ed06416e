package com.bazaar.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports the search index in {@code /actuator/health} with its document count. */
@Component("searchIndex")
class SearchIndexHealth implements HealthIndicator {
  private final ItemIndex index;

  SearchIndexHealth(ItemIndex index) {
    this.index = index;
  }

  @Override
  public Health health() {
    return Health.up().withDetail("documents", index.count()).build();
  }
}
