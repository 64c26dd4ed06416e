package com.bazaar.platform.protection;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.protection.*}: how many requests may work on the database at once before the
 * rest are shed with 503 (and on which paths), and when a circuit breaker opens and how long
 * it stays open before it lets a few calls probe the dependency again.
 */
@ConfigurationProperties("bazaar.protection")
public record ProtectionProperties(Shedding shedding, Breaker breaker) {

  public ProtectionProperties {
    shedding = shedding == null ? new Shedding(16, List.of("/api/orders", "/api/cart", "/checkout")) : shedding;
    breaker = breaker == null ? new Breaker(50, 10, 5, Duration.ofSeconds(10)) : breaker;
  }

  public record Shedding(int maxConcurrent, List<String> paths) {}

  /**
   * Opens when {@code failureRatePercent} of the last {@code window} calls failed (after at
   * least {@code minimumCalls}); stays open for {@code openFor}.
   */
  public record Breaker(int failureRatePercent, int window, int minimumCalls, Duration openFor) {}
}
