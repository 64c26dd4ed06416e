package com.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.platform.lock.DistributedLock;
import com.bazaar.platform.ratelimit.RateLimiter;
import com.bazaar.support.ApiClient;
import com.bazaar.support.RealEngines;
import com.bazaar.support.RedisTestServer;
import com.bazaar.support.TestItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The redis profile switches every port with a Redis adapter to Redis — sessions, the cache's
 * shared level, locks, rate limits and flash-sale stock — under a namespace of its own (here a
 * random one). Cross-node behaviour is proved by the
 * multi-process tests (ClusterIT); this one proves the wiring in one node.
 */
@RealEngines
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "redis"})
class RedisProfileTest {
  private static final String NAMESPACE = RedisTestServer.randomNamespace();
  private static final RedisTestServer REDIS = new RedisTestServer();

  @DynamicPropertySource
  static void namespace(DynamicPropertyRegistry registry) {
    registry.add("bazaar.redis.namespace", () -> NAMESPACE);
  }

  @AfterAll
  static void dropNamespace() {
    REDIS.deleteNamespace(NAMESPACE);
    REDIS.close();
  }

  @LocalServerPort int port;
  @Autowired TestItems items;
  @Autowired DistributedLock lock;
  @Autowired RateLimiter rateLimiter;
  @Autowired ApplicationContext context;

  @Test
  void aLoginIsASessionInRedisUnderTheDeploymentsNamespace() {
    ApiClient shopper = new ApiClient(port).registerAndLogin("redis" + System.nanoTime() % 1000000);

    assertThat(shopper.get("/api/cart").status()).isEqualTo(200);
    assertThat(REDIS.keys(NAMESPACE + ":session")).isNotEmpty();
  }

  @Test
  void anItemReadIsSharedThroughRedisAndAWriteIsSeenAtOnce() {
    long id = items.create("shared item", 1000, 3);
    ApiClient admin = new ApiClient(port).login("admin", "admin-password");
    assertThat(new ApiClient(port).get("/api/items/" + id).json().path("stock").asLong()).isEqualTo(3);
    assertThat(REDIS.keys(NAMESPACE + ":cache")).contains(NAMESPACE + ":cache:items::" + id);

    assertThat(admin.post("/api/admin/items/" + id + "/stock", ApiClient.json(Map.of("delta", 4))).status())
        .isEqualTo(200);

    assertThat(new ApiClient(port).get("/api/items/" + id).json().path("stock").asLong()).isEqualTo(7);
  }

  @Test
  void aListingsIdsAreSharedThroughRedisAsJsonAndANewItemIsListedAtOnce() {
    long first = items.create("shared listing first", 770_001, 3);
    String listing = "/api/items?minPrice=770001&maxPrice=770009";
    assertThat(listedIds(listing)).containsExactly(String.valueOf(first));
    String prefix = NAMESPACE + ":cache:listings::";
    var entries = REDIS.keys(NAMESPACE + ":cache").stream().filter(key -> key.startsWith(prefix))
        .map(key -> REDIS.redis().opsForValue().get(key)).toList();
    assertThat(entries).contains("{\"ids\":[" + first + "],\"total\":1}");

    long second = items.create("shared listing second", 770_002, 3);

    assertThat(listedIds(listing)).containsExactly(String.valueOf(second), String.valueOf(first));
  }

  private List<String> listedIds(String listing) {
    List<String> ids = new ArrayList<>();
    new ApiClient(port).get(listing).json().get("content").forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }

  @Test
  void healthReportsRedisAndTheLockIsRedis() {
    ApiClient.Answer health = new ApiClient(port).get("/actuator/health");
    assertThat(health.json().path("components").path("redis").path("status").asString()).isEqualTo("UP");
    assertThat(lock.getClass().getSimpleName()).isEqualTo("RedisDistributedLock");
  }

  @Test
  void rateLimitsAndFlashSaleStockAreInRedisUnderTheSameNamespace() {
    new ApiClient(port).registerAndLogin("limit" + System.nanoTime() % 1000000);

    assertThat(rateLimiter.getClass().getSimpleName()).isEqualTo("RedisRateLimiter");
    assertThat(REDIS.keys(NAMESPACE + ":rate")).isNotEmpty();
    assertThat(context.containsBean("redisFlashStock")).as("flash-sale stock in Redis").isTrue();
  }
}
