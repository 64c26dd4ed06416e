package com.bazaar.platform.data;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code replica} component of {@code /actuator/health}: UP while it serves reads, else
 * DEGRADED with the reason. DEGRADED is not in the aggregation order, so the site stays UP:
 * without the replica it still answers every read, from the primary.
 */
final class ReplicaHealth implements HealthIndicator {
  static final Status DEGRADED = new Status("DEGRADED", "reads fall back to the primary");

  private final ReplicaMonitor monitor;
  private final Duration maxLag;

  ReplicaHealth(ReplicaMonitor monitor, Duration maxLag) {
    this.monitor = monitor;
    this.maxLag = maxLag;
  }

  @Override
  public Health health() {
    ReplicaState state = monitor.state();
    if (!state.replicating()) {
      return Health.status(DEGRADED).withDetail("replica", "down").withDetail("problem", state.problem()).build();
    }
    Health.Builder health = state.laggingBeyond(maxLag) ? Health.status(DEGRADED) : Health.up();
    return health
        .withDetail("replica", state.laggingBeyond(maxLag) ? "lagging" : "replicating")
        .withDetail("lagSeconds", state.lag().orElseThrow().toSeconds())
        .withDetail("maxLagSeconds", maxLag.toSeconds())
        .withDetail("appliedGtid", state.applied().toString())
        .build();
  }
}
