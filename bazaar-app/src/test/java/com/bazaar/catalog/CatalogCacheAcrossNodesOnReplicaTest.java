package com.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.BazaarApplication;
import com.bazaar.support.ApiClient;
import com.bazaar.support.RealEngines;
import com.bazaar.support.RedisTestServer;
import com.bazaar.support.ReplicaPair;
import com.bazaar.support.TestItems;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes of a cluster in this JVM — the test's context (A) and a second application context
 * (B) — sharing one database on the {@code bin/replica} pair and one Redis (the cache's second
 * level and its invalidation messages). A changes an item while the replica is held behind.
 * B did not make the write, so nothing in B's own JVM tells it the replica is behind: it must
 * still never read the old row from the replica, nor put it into Redis for every node to serve.
 */
@RealEngines
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "mariadb", "replica", "redis"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogCacheAcrossNodesOnReplicaTest {
  private static final String DATABASE = "bazaar_test_" + UUID.randomUUID().toString().replace("-", "");
  private static final String NAMESPACE = RedisTestServer.randomNamespace();
  private static final Duration CATCH_UP = Duration.ofSeconds(30);

  @LocalServerPort int portOfA;
  private ConfigurableApplicationContext nodeB;
  private int portOfB;

  /** What both nodes are told: the same database, replica and Redis namespace. */
  private static Map<String, String> cluster() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("bazaar.mariadb.database", DATABASE);
    properties.put("bazaar.mariadb.port", String.valueOf(ReplicaPair.PRIMARY_PORT));
    properties.put("bazaar.replica.port", String.valueOf(ReplicaPair.REPLICA_PORT));
    // The replica is held for a few seconds: it must stay "in bounds", so only the fence keeps reads off it.
    properties.put("bazaar.replica.max-lag", "60s");
    properties.put("bazaar.replica.check-interval", "100ms");
    properties.put("bazaar.redis.namespace", NAMESPACE);
    return properties;
  }

  @DynamicPropertySource
  static void nodeA(DynamicPropertyRegistry registry) throws Exception {
    ReplicaPair.start();
    cluster().forEach((name, value) -> registry.add(name, () -> value));
  }

  /** Command-line arguments: they outrank application-test.yaml, which picks a random database. */
  @BeforeAll
  void startNodeB() {
    Map<String, String> properties = new LinkedHashMap<>(cluster());
    properties.put("server.port", "0");
    properties.put("bazaar.ids.worker-id", "1");
    properties.put("bazaar.demo.enabled", "false");
    nodeB = new SpringApplicationBuilder(BazaarApplication.class)
        .profiles("test", "mariadb", "replica", "redis")
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    portOfB = nodeB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @AfterAll
  void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
    }
    try (RedisTestServer redis = new RedisTestServer()) {
      redis.deleteNamespace(NAMESPACE);
    }
  }

  @Test
  void aNodeThatDidNotMakeTheWriteNeverServesOrCachesTheOldRowFromALaggingReplica() throws Exception {
    ApiClient adminOnA = new ApiClient(portOfA).login("admin", "admin-password");
    String categoryId = new ApiClient(portOfA).get("/api/categories").json().get(0).get("id").asString();
    long id = Long.parseLong(adminOnA.post("/api/admin/items",
            ApiClient.json(TestItems.itemBody("Before the change", 1000, 5, categoryId)))
        .json().get("id").asString());
    await().atMost(CATCH_UP).until(() -> titleOnReplica(id), "Before the change"::equals);
    assertThat(titleOn(portOfB, id)).as("B has it cached, as a popular item").isEqualTo("Before the change");

    try (Connection replica = ReplicaPair.connect(ReplicaPair.REPLICA_PORT, DATABASE);
        Statement hold = replica.createStatement()) {
      // The replica still answers reads but applies nothing: it lags, within max-lag.
      hold.execute("FLUSH TABLES WITH READ LOCK");
      try {
        assertThat(adminOnA.put("/api/admin/items/" + id,
                ApiClient.json(TestItems.itemBody("After the change", 900, 5, categoryId))).status())
            .isEqualTo(200);

        // B's own copy goes with A's invalidation message (milliseconds); B then loads the item again.
        await().atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(titleOn(portOfB, id)).isEqualTo("After the change"));
        assertThat(titleOn(portOfA, id)).as("A reads what B stored in Redis").isEqualTo("After the change");
        assertThat(newestTitleOn(portOfB)).as("an uncached catalog read on B").isEqualTo("After the change");
        assertThat(titleOnReplica(id)).as("the replica is really behind").isEqualTo("Before the change");
      } finally {
        hold.execute("UNLOCK TABLES");
      }
    }
    await().atMost(CATCH_UP).until(() -> titleOnReplica(id), "After the change"::equals);
  }

  private static String titleOn(int port, long id) {
    return new ApiClient(port).get("/api/items/" + id).json().get("title").asString();
  }

  private static String newestTitleOn(int port) {
    return new ApiClient(port).get("/api/items?size=1").json().get("content").get(0).get("title").asString();
  }

  private static String titleOnReplica(long id) throws SQLException {
    try (Connection replica = ReplicaPair.connect(ReplicaPair.REPLICA_PORT, DATABASE);
        ResultSet row = replica.createStatement().executeQuery("SELECT title FROM items WHERE id = " + id)) {
      return row.next() ? row.getString(1) : null;
    } catch (SQLException notYetThere) {
      return null;
    }
  }
}
