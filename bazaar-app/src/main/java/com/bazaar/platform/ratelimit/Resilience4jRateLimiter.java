package com.bazaar.platform.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Embedded adapter: Resilience4j limiters, one per (limit, key), held in this JVM. Keys are
 * bounded by the callers (user ids, IPs); the registry drops nothing, which is acceptable
 * for one node and replaced by a Redis bucket in the cluster.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "bazaar.rate-limit.type", havingValue = "memory", matchIfMissing = true)
final class Resilience4jRateLimiter implements RateLimiter {
  private final RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
  private final RateLimitProperties properties;

  Resilience4jRateLimiter(RateLimitProperties properties) {
    this.properties = properties;
  }

  @Override
  public Optional<Duration> tryAcquire(String limit, String key) {
    var limiter = registry.rateLimiter(limit + ":" + key, () -> configFor(limit));
    if (limiter.acquirePermission()) {
      return Optional.empty();
    }
    return Optional.of(limiter.getRateLimiterConfig().getLimitRefreshPeriod());
  }

  private RateLimiterConfig configFor(String limit) {
    RateLimitProperties.Limit configured = properties.limit(limit);
    return RateLimiterConfig.custom()
        .limitForPeriod(configured.permits())
        .limitRefreshPeriod(configured.period())
        .timeoutDuration(Duration.ZERO)
        .build();
  }
}
