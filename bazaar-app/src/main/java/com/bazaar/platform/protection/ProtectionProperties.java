package com.bazaar.platform.protection;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.protection.*}: how many requests may work on the database at once (an adaptive
 * limit between {@code min-limit} and {@code max-limit} that follows their latency), how many
 * more may wait and for how long before the rest are shed with 503 (and on which paths), and
 * when a circuit breaker opens and how long it stays open before it lets a few calls probe the
 * dependency again.
 */
@ConfigurationProperties("bazaar.protection")
public record ProtectionProperties(Shedding shedding, Breaker breaker) {

  @SuppressWarnings("NullAway") // absent keys are null, as the binder passes them; Shedding's constructor defaults them
  public ProtectionProperties {
    shedding = shedding == null ? new Shedding(null, null, null, null, null, null) : shedding;
    breaker = breaker == null ? new Breaker(50, 10, 5, Duration.ofSeconds(10)) : breaker;
  }

  /**
   * The concurrency limit starts at {@code initialLimit} and moves between {@code minLimit} and
   * {@code maxLimit} with the measured latency; past it, up to {@code queueLength} requests wait
   * at most {@code queueWait} each, and any request beyond that is shed at once.
   */
  public record Shedding(
      Integer initialLimit, Integer minLimit, Integer maxLimit, Integer queueLength, Duration queueWait,
      List<String> paths) {

    public Shedding {
      initialLimit = initialLimit == null ? 20 : initialLimit;
      minLimit = minLimit == null ? 8 : minLimit;
      maxLimit = maxLimit == null ? 40 : maxLimit;
      queueLength = queueLength == null ? 40 : queueLength;
      queueWait = queueWait == null ? Duration.ofSeconds(1) : queueWait;
      paths = paths == null ? List.of("/api/orders", "/api/cart", "/checkout", "/orders", "/cart") : List.copyOf(paths);
      if (minLimit < 1 || minLimit > initialLimit || initialLimit > maxLimit) {
        throw new IllegalArgumentException("bazaar.protection.shedding needs 1 <= min-limit <= initial-limit <= max-limit, got "
            + minLimit + " <= " + initialLimit + " <= " + maxLimit);
      }
      if (queueLength < 0 || queueWait.isNegative()) {
        throw new IllegalArgumentException("bazaar.protection.shedding.queue-length and queue-wait must not be negative");
      }
    }
  }

  /**
   * Opens when {@code failureRatePercent} of the last {@code window} calls failed (after at
   * least {@code minimumCalls}); stays open for {@code openFor}.
   */
  public record Breaker(int failureRatePercent, int window, int minimumCalls, Duration openFor) {}
}
