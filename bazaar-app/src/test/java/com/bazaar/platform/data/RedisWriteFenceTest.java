package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.FreePorts;
import com.bazaar.support.RealEngines;
import com.bazaar.support.RedisTestServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The replica fence shared through the real Redis: two fences over one key are two nodes.
 * (What it buys end to end: CatalogCacheAcrossNodesOnReplicaTest.)
 */
@RealEngines
class RedisWriteFenceTest {
  private final RedisTestServer server = new RedisTestServer();
  private final String key = RedisTestServer.randomNamespace() + ":replica-fence";

  @AfterEach
  void cleanUp() {
    server.redis().delete(key);
    server.close();
  }

  @Test
  void aWriteFencedOnOneNodeIsSeenByAnother() {
    WriteFence a = new RedisWriteFence(server.redis(), key);
    WriteFence b = new RedisWriteFence(server.redis(), key);

    a.raise(GtidPosition.parse("0-1-42"));

    assertThat(b.position().covers(GtidPosition.parse("0-1-42"))).isTrue();
    assertThat(GtidPosition.parse("0-1-41").covers(b.position())).as("a replica at 41 may not serve").isFalse();
  }

  @Test
  void theFenceOnlyGrowsWhicheverNodeReportsLast() {
    WriteFence a = new RedisWriteFence(server.redis(), key);
    WriteFence b = new RedisWriteFence(server.redis(), key);

    a.raise(GtidPosition.parse("0-1-42,1-3-7"));
    b.raise(GtidPosition.parse("0-1-40,1-3-9"));

    WriteFence c = new RedisWriteFence(server.redis(), key);
    assertThat(c.position()).isEqualTo(GtidPosition.parse("0-1-42,1-3-9"));
  }

  @Test
  void theFenceExpiresLongAfterAnyLagTheReplicaMayServeWith() {
    new RedisWriteFence(server.redis(), key).raise(GtidPosition.parse("0-1-42"));

    long ttl = server.redis().getExpire(key, TimeUnit.MILLISECONDS);
    assertThat(ttl).isPositive().isLessThanOrEqualTo(RedisWriteFence.LIFETIME.toMillis());
  }

  @Test
  void withoutAnAnswerFromRedisNoReplicaPositionIsSafe() {
    RedisStandaloneConfiguration nobody = new RedisStandaloneConfiguration("127.0.0.1", FreePorts.pick());
    LettuceConnectionFactory connections = new LettuceConnectionFactory(nobody,
        LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
    connections.afterPropertiesSet();
    connections.start();
    try {
      WriteFence fence = new RedisWriteFence(new StringRedisTemplate(connections), key);

      fence.raise(GtidPosition.parse("0-1-42"));

      assertThat(GtidPosition.parse("0-1-1000").covers(fence.position())).isFalse();
    } finally {
      connections.destroy();
    }
  }
}
