package com.bazaar.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Resilience4jRateLimiterTest {
  private final RateLimiter limiter =
      new Resilience4jRateLimiter(
          new RateLimitProperties(Map.of("login", new RateLimitProperties.Limit(2, Duration.ofMinutes(1)))));

  @Test
  void grantsThePermitsOfAPeriodThenSaysHowLongToWait() {
    assertThat(limiter.tryAcquire("login", "10.0.0.1")).isEmpty();
    assertThat(limiter.tryAcquire("login", "10.0.0.1")).isEmpty();

    assertThat(limiter.tryAcquire("login", "10.0.0.1")).hasValueSatisfying(
        wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
  }

  @Test
  void eachKeyHasItsOwnBucket() {
    limiter.tryAcquire("login", "10.0.0.1");
    limiter.tryAcquire("login", "10.0.0.1");

    assertThat(limiter.tryAcquire("login", "10.0.0.2")).isEmpty();
  }

  @Test
  void anUnconfiguredLimitIsAProgrammingError() {
    assertThatThrownBy(() -> limiter.tryAcquire("checkout", "u1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bazaar.rate-limits.checkout");
  }
}
