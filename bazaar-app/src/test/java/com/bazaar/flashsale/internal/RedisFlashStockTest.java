package com.bazaar.flashsale.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.RealEngines;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The contract on the local Redis (127.0.0.1:6379), under a random namespace removed afterwards. */
@RealEngines
class RedisFlashStockTest extends FlashStockContract {
  private static final String NAMESPACE = "bazaar-test-" + UUID.randomUUID() + ":flash";
  private static LettuceConnectionFactory connections;
  private static StringRedisTemplate redis;

  @BeforeAll
  static void connect() {
    connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
    connections.afterPropertiesSet();
    connections.start();
    redis = new StringRedisTemplate(connections);
  }

  @AfterAll
  static void removeKeysAndDisconnect() {
    var keys = redis.keys(NAMESPACE + ":*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
    connections.destroy();
  }

  @Test
  void aSaleLeavesRedisADayAfterItEnds() {
    var sale = loadedSale(3, 1);
    stock().take(sale.id().value(), 1, 42, 1, sale.startsAt().plusSeconds(1));
    for (String suffix : List.of("", ":buyers", ":holds", ":queued")) {
      Long ttl = redis.getExpire(NAMESPACE + ":{" + sale.id().value() + "}" + suffix, TimeUnit.SECONDS);
      assertThat(ttl).as("seconds to live of " + suffix).isBetween(86_400L, 86_400L + 120);
    }
  }

  @Override
  FlashStock stock() {
    return new RedisFlashStock(redis, NAMESPACE);
  }
}
