package com.bazaar.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.RealEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The global limit: the contract on Redis, and two limiters with their own Redis connections
 * (two nodes) share one bucket per key. Tolerance: the bucket refills continuously, so the
 * permits granted may exceed the limit by what refills while the test runs (limit × elapsed /
 * period).
 */
@RealEngines
class RedisRateLimiterTest extends RateLimiterContract {
  private static final String NAMESPACE = "bazaar-test-" + UUID.randomUUID() + ":rate";
  private static final List<LettuceConnectionFactory> NODES = new ArrayList<>();

  @BeforeAll
  static void connectTwoNodes() {
    for (int i = 0; i < 2; i++) {
      LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
      connections.afterPropertiesSet();
      connections.start();
      NODES.add(connections);
    }
  }

  @AfterAll
  static void removeKeysAndDisconnect() {
    StringRedisTemplate redis = new StringRedisTemplate(NODES.get(0));
    var keys = redis.keys(NAMESPACE + ":*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
    NODES.forEach(LettuceConnectionFactory::destroy);
  }

  private static RateLimiter node(int index) {
    return new RedisRateLimiter(new StringRedisTemplate(NODES.get(index)), LIMITS, NAMESPACE);
  }

  @Override
  RateLimiter limiter() {
    return node(0);
  }

  @Test
  void twoNodesTogetherGrantNoMoreThanTheLimit() throws Exception {
    String key = newKey();
    long started = System.nanoTime();
    int granted = grantedToConcurrentCallers(List.of(node(0), node(1)), key);
    assertThat(granted).isBetween(PERMITS, PERMITS + refilledSince(started));
  }

  @Test
  void aBucketEmptiedOnOneNodeIsEmptyOnTheOther() {
    String key = newKey();
    while (node(0).tryAcquire("purchase", key).isEmpty()) {
      // empty it on node 0
    }

    assertThat(node(1).tryAcquire("purchase", key))
        .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(PERIOD.dividedBy(PERMITS)));
  }
}
