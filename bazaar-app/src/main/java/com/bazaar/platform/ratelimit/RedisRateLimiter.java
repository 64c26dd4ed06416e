package com.bazaar.platform.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Cluster adapter: one token bucket per (limit, key) in Redis, shared by every node, so a
 * limit of 20 a minute is 20 a minute for the whole site, not 20 per node. The bucket is one
 * Lua script (refill by elapsed time, take a token) timed by Redis's own clock, so the nodes'
 * clocks do not matter. Bucket4j has no artifact on this build's Maven mirror; this script is
 * the same algorithm behind the same port, and the embedded adapter's {@link TokenBucket} is
 * this script in Java ({@code RateLimiterContract} holds both to it).
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "bazaar.rate-limit.type", havingValue = "redis")
final class RedisRateLimiter implements RateLimiter {
  private static final RedisScript<Long> TAKE =
      RedisScript.of(new ClassPathResource("ratelimit/token-bucket.lua"), Long.class);

  private final StringRedisTemplate redis;
  private final RateLimitProperties properties;
  private final String namespace;

  RedisRateLimiter(StringRedisTemplate redis, RateLimitProperties properties,
      @Value("${bazaar.rate-limit.namespace}") String namespace) {
    this.redis = redis;
    this.properties = properties;
    this.namespace = namespace;
  }

  @Override
  public Optional<Duration> tryAcquire(String limit, String key) {
    RateLimitProperties.Limit configured = properties.limit(limit);
    Long waitMillis = redis.execute(TAKE, List.of(namespace + ":" + limit + ":" + key),
        String.valueOf(configured.permits()), String.valueOf(configured.period().toMillis()));
    return waitMillis == null || waitMillis <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis(waitMillis));
  }
}
