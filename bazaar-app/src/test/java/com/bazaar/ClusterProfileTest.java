package com.bazaar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.RealEngines;
import com.bazaar.support.ShardDatabases;
import com.bazaar.support.Trades;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The {@code cluster} profile group puts every stage on its real engine at once: the replica
 * pair's primary (users in their own database, catalog reads from the replica), orders sharded
 * over two databases, Redis for sessions, cache, lock, flash stock and rate limits, RabbitMQ for
 * the bus and the flash queue. One shopper's whole trade, a notification and a flash purchase
 * must work through all of it together. Names are private to this run (databases, Redis
 * namespace and keys, exchanges and queues), and removed afterwards.
 */
@RealEngines
@ActiveProfiles({"test", "cluster"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterProfileTest extends ApiTest {
  private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private static final String DATABASE = "bazaar_test_cluster_" + RUN;

  @Autowired Environment environment;
  @Autowired StringRedisTemplate redis;
  @Autowired AmqpAdmin rabbit;
  @Autowired Declarables declarables;

  @DynamicPropertySource
  static void privateNames(DynamicPropertyRegistry registry) {
    registry.add("bazaar.mariadb.database", () -> DATABASE);
    registry.add("bazaar.mariadb.port", () -> System.getenv().getOrDefault("BAZAAR_REPLICA_PRIMARY_PORT", "3307"));
    registry.add("bazaar.replica.port", () -> System.getenv().getOrDefault("BAZAAR_REPLICA_REPLICA_PORT", "3308"));
    ShardDatabases.register(registry);
    registry.add("bazaar.redis.namespace", () -> "bazaar-test-" + RUN);
    registry.add("bazaar.bus.prefix", () -> "bazaar-test-" + RUN);
    registry.add("bazaar.flash.queue.name", () -> "bazaar-test-" + RUN + ".flash");
  }

  @AfterAll
  void removeRedisKeysAndBrokerTopology() {
    var keys = redis.keys("bazaar-test-" + RUN + "*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
    declarables.getDeclarablesByType(Queue.class).forEach(q -> rabbit.deleteQueue(q.getName()));
    rabbit.deleteQueue("bazaar-test-" + RUN + ".flash");
  }

  @Test
  void theGroupTurnsOnEveryRealEngine() {
    assertThat(environment.getActiveProfiles()).contains(
        "cluster", "mariadb", "replica", "split", "sharding", "redis", "rabbit", "flash-cluster", "edge");
    assertThat(environment.getProperty("bazaar.ids.type")).isEqualTo("leased-snowflake");
    assertThat(anonymous().get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void aShopperTradesEndToEndAcrossAllOfThem() {
    ApiClient admin = admin();
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    long itemId = Long.parseLong(admin.post("/api/admin/items", ApiClient.json(Map.of("title", "集群 cluster item",
        "description", "d", "price", Map.of("amount", 1999, "currency", "CNY"), "stock", 5, "categoryId", categoryId)))
        .json().get("id").asString());
    ApiClient shopper = newShopper();

    assertThat(shopper.put("/api/cart/items/" + itemId, "{\"quantity\":1}").status()).isEqualTo(200);
    String orderId = Trades.place(shopper, itemId, 2);
    Trades.pay(shopper, orderId);

    assertThat(shopper.get("/api/orders/" + orderId).json().get("status").asString()).isEqualTo("PAID");
    assertThat(anonymous().get("/api/items/" + itemId).json().get("stock").asLong()).isEqualTo(3);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(shopper.get("/api/notifications").json().get("totalElements").asLong()).isEqualTo(2);
      assertThat(Trades.sold(anonymous(), itemId)).isEqualTo(2);
    });
  }

  @Test
  void aFlashPurchaseIsTakenInRedisAndBecomesAnOrderBehindRabbit() {
    ApiClient admin = admin();
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    String itemId = admin.post("/api/admin/items", ApiClient.json(Map.of("title", "flash cluster item",
        "description", "d", "price", Map.of("amount", 9900, "currency", "CNY"), "stock", 3, "categoryId", categoryId)))
        .json().get("id").asString();
    String saleId = admin.post("/api/admin/flash-sales", ApiClient.json(Map.of("itemId", itemId,
        "price", Map.of("amount", 990, "currency", "CNY"), "stock", 1, "limitPerUser", 1,
        "startsAt", Instant.now().minusSeconds(60).toString(), "endsAt", Instant.now().plusSeconds(3600).toString())))
        .json().get("id").asString();
    ApiClient buyer = newShopper();

    ApiClient.Answer purchase = buyer.post("/api/flash-sales/" + saleId + "/purchase", "{\"quantity\":1}");
    assertThat(purchase.status()).as(purchase.body()).isEqualTo(202);
    assertThat(newShopper().post("/api/flash-sales/" + saleId + "/purchase", "{}").status()).isEqualTo(409);

    String ticket = "/api/flash-sales/" + saleId + "/purchase/" + purchase.json().get("ticket").asString();
    await().atMost(Duration.ofSeconds(30)).until(() -> !"QUEUED".equals(buyer.get(ticket).json().get("status").asString()));
    JsonNode settled = buyer.get(ticket).json();
    assertThat(settled.get("status").asString()).isEqualTo("ORDERED");
    JsonNode order = buyer.get("/api/orders/" + settled.get("orderId").asString()).json();
    assertThat(order.get("total").get("amount").asLong()).isEqualTo(990);
  }
}
