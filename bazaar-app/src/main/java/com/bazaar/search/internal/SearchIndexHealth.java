package com.bazaar.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code searchIndex} component of {@code /actuator/health}: UP with its document count. */
@Component("searchIndex")
final class SearchIndexHealth implements HealthIndicator {
  private final ItemIndex index;

  SearchIndexHealth(ItemIndex index) {
    this.index = index;
  }

  @Override
  public Health health() {
    try {
      return Health.up().withDetail("documents", index.count()).build();
    } catch (RuntimeException e) {
      return Health.down(e).build();
    }
  }
}
