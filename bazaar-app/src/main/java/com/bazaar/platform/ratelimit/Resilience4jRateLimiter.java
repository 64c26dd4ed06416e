package com.bazaar.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Embedded adapter: a Resilience4j limiter per (limit, key), held in this JVM. Limiters idle
 * for longer than an hour are dropped, so a flood of distinct keys (spoofed addresses) cannot
 * grow memory without bound; a dropped key simply starts with a full bucket. The cluster
 * replaces this with a Redis bucket shared by all nodes.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "bazaar.rate-limit.type", havingValue = "memory", matchIfMissing = true)
final class Resilience4jRateLimiter implements RateLimiter {
  private static final int MAX_KEYS = 100_000;

  private final Cache<String, io.github.resilience4j.ratelimiter.RateLimiter> limiters =
      Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(Duration.ofHours(1)).build();
  private final RateLimitProperties properties;

  Resilience4jRateLimiter(RateLimitProperties properties) {
    this.properties = properties;
  }

  @Override
  public Optional<Duration> tryAcquire(String limit, String key) {
    var limiter =
        limiters.get(
            limit + ":" + key,
            name -> io.github.resilience4j.ratelimiter.RateLimiter.of(name, configFor(limit)));
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
