package com.bazaar.platform.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.Limiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The limit follows the measured latency, on a clock the test moves: while every admitted
 * request takes as long as usual and the limit is in use it grows (up to the max); when the
 * same work takes four times as long it falls. No real time passes.
 */
class AdaptiveConcurrencyLimitTest {
  private final AtomicLong now = new AtomicLong();
  private final AdaptiveConcurrencyLimit limit = new AdaptiveConcurrencyLimit(
      new ProtectionProperties.Shedding(10, 4, 30, 0, Duration.ZERO, List.of("/api/orders")), now::get);

  @Test
  void theLimitGrowsWhileLatencyStaysFlatAndFallsWhenItClimbs() {
    assertThat(limit.limit()).isEqualTo(10);

    runFullyUsed(Duration.ofMillis(10), Duration.ofSeconds(60));
    int grown = limit.limit();
    assertThat(grown).isGreaterThan(10);

    runFullyUsed(Duration.ofMillis(40), Duration.ofSeconds(60));
    // Below where it started: Gradient2 halves at most per window and adds its growth step (4)
    // back, so at four times the latency it settles near 2 × 4, not at the min.
    assertThat(limit.limit()).isLessThan(10);
  }

  @Test
  void anIdleNodeKeepsItsLimit() {
    for (int i = 0; i < 2_000; i++) { // one request at a time: the limit is not what holds it back
      Limiter.Listener permit = limit.acquire().orElseThrow();
      now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
      permit.onSuccess();
    }
    assertThat(limit.limit()).isEqualTo(10);
  }

  @Test
  void theLimitNeverPassesItsMax() {
    runFullyUsed(Duration.ofMillis(10), Duration.ofMinutes(10));
    assertThat(limit.limit()).isEqualTo(30);
  }

  /** Rounds of as many concurrent requests as the limit admits, each lasting {@code latency}. */
  private void runFullyUsed(Duration latency, Duration during) {
    long end = now.get() + during.toNanos();
    while (now.get() < end) {
      List<Limiter.Listener> permits = new ArrayList<>();
      for (int i = 0; i < limit.limit(); i++) {
        permits.add(limit.acquire().orElseThrow());
      }
      assertThat(limit.acquire()).isEmpty();
      now.addAndGet(latency.toNanos());
      permits.forEach(Limiter.Listener::onSuccess);
    }
  }
}
