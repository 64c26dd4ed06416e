package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each app JVM of a deployment gets as much warm-up before its first window as a single one would. */
class HostsWarmupTest {
  private static final Duration WARMUP = Duration.ofSeconds(30);

  @Test
  void theFirstRunIsWarmedPerAppNode() {
    assertThat(Evolution.warmupOf(1, WARMUP, 1)).isEqualTo(WARMUP);
    assertThat(Evolution.warmupOf(1, WARMUP, 4)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void aDeploymentWithoutAppNodeOfItsOwnCountsAsOne() {
    assertThat(Evolution.warmupOf(1, WARMUP, 0)).isEqualTo(WARMUP);
  }

  @Test
  void laterRunsOnTheWarmNodesReWarmBriefly() {
    assertThat(Evolution.warmupOf(2, WARMUP, 4)).isEqualTo(Evolution.REWARM);
    assertThat(Evolution.warmupOf(3, Duration.ofSeconds(5), 1)).isEqualTo(Duration.ofSeconds(5));
  }
}
