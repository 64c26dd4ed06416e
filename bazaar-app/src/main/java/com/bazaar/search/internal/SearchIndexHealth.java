package com.bazaar.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code searchIndex} component of {@code /actuator/health}: UP with its document count once
 * built from the catalog; until then {@code BUILDING} or {@code UNAVAILABLE} (the catalog did not
 * answer; the next attempt is scheduled). Those two are statuses of their own, which the health
 * and readiness groups do not aggregate (they count UP, DOWN and OUT_OF_SERVICE): a node whose
 * index is not built yet stays in the balancer, for browsing, while its search answers 503.
 */
@Component("searchIndex")
final class SearchIndexHealth implements HealthIndicator {
  static final Status BUILDING = new Status("BUILDING", "the index is being built from the catalog");
  static final Status UNAVAILABLE =
      new Status("UNAVAILABLE", "the catalog did not answer; the build is tried again");

  private final ItemIndex index;
  private final IndexBuild build;

  SearchIndexHealth(ItemIndex index, IndexBuild build) {
    this.index = index;
    this.build = build;
  }

  @Override
  public Health health() {
    IndexBuild.Progress progress = build.progress();
    return switch (progress.phase()) {
      case BUILDING -> Health.status(BUILDING).withDetail("attempt", progress.attempt()).build();
      case UNAVAILABLE -> Health.status(UNAVAILABLE)
          .withDetail("attempt", progress.attempt())
          .withDetail("failure", String.valueOf(progress.failure()))
          .withDetail("retryInMs", progress.retryIn().toMillis())
          .build();
      case BUILT -> built();
    };
  }

  private Health built() {
    try {
      return Health.up().withDetail("documents", index.count()).build();
    } catch (RuntimeException e) {
      return Health.down(e).build();
    }
  }
}
