package com.bazaar.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Named limits, e.g. {@code bazaar.rate-limits.login.permits=20}, per one period each. */
@ConfigurationProperties("bazaar")
public record RateLimitProperties(Map<String, Limit> rateLimits) {

  public RateLimitProperties {
    rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
  }

  public Limit limit(String name) {
    Limit limit = rateLimits.get(name);
    if (limit == null) {
      throw new IllegalArgumentException("no rate limit configured under bazaar.rate-limits." + name);
    }
    return limit;
  }

  public record Limit(int permits, Duration period) {}
}
