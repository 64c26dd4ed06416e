package com.bazaar.catalog;

import static com.bazaar.catalog.CatalogWritesTest.itemBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.platform.data.ReadRouting;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.RealEngines;
import com.bazaar.support.ReplicaPair;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Read/write splitting on the real primary/replica pair of {@code bin/replica} (bin/test
 * starts it): catalog reads are answered by the replica, a write is read back at once while
 * the replica lags, and a replica that stops costs no answer and serves again once restarted.
 * Run on one database ({@link CatalogReadsOnReplicaTest}) and on the split layout ({@link
 * CatalogReadsOnSplitReplicaTest}); each names its own database.
 */
@RealEngines
@ActiveProfiles({"mariadb", "replica"})
abstract class CatalogReadsOverReplica extends ApiTest {
  private static final int REPLICA_PORT = ReplicaPair.REPLICA_PORT;
  private static final int PRIMARY_PORT = ReplicaPair.PRIMARY_PORT;
  private static final Duration CATCH_UP = Duration.ofSeconds(30);

  @Autowired ReadRouting reads;
  @Autowired MeterRegistry meters;

  /**
   * One name for both URLs (the test profile's ${random.value} would differ per placeholder),
   * and one per test class: a cached context of another class may still use its database.
   */
  static String newDatabaseName() {
    return "bazaar_test_" + UUID.randomUUID().toString().replace("-", "");
  }

  /** The main database's name, as registered by {@link #replicaPair}. */
  protected abstract String database();

  static void replicaPair(DynamicPropertyRegistry registry, String database) {
    registry.add("bazaar.mariadb.database", () -> database);
    registry.add("bazaar.mariadb.port", () -> PRIMARY_PORT);
    registry.add("bazaar.replica.port", () -> REPLICA_PORT);
    // The lag test holds the replica still for a few seconds; it must stay "in bounds".
    registry.add("bazaar.replica.max-lag", () -> "60s");
    registry.add("bazaar.replica.check-interval", () -> "100ms");
  }

  @BeforeEach
  @AfterEach
  void replicaRunsAndHasCaughtUp() throws Exception {
    replicaScript("start", "replica");
    await().atMost(CATCH_UP).untilAsserted(() -> assertThat(portThatAnswersReads()).isEqualTo(REPLICA_PORT));
  }

  @Test
  void catalogReadsAreAnsweredByTheReplica() {
    double before = readsOn("replica");

    var page = anonymous().get("/api/items?size=5");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().get("content").size()).isEqualTo(5);
    assertThat(readsOn("replica")).isGreaterThan(before);
  }

  @Test
  void aWriteIsReadBackAtOnceWhileTheReplicaLags() throws Exception {
    ApiClient admin = admin();
    String id = admin.post("/api/admin/items", ApiClient.json(itemBody("Replica lag test", 1000, 5, firstCategoryId())))
        .json().get("id").asString();
    await().atMost(CATCH_UP).until(() -> titleOnReplica(id), "Replica lag test"::equals);

    try (Connection replica = connectTo(REPLICA_PORT); Statement freeze = replica.createStatement()) {
      // Holds the replica's SQL thread: it still answers reads, but applies nothing.
      freeze.execute("FLUSH TABLES WITH READ LOCK");

      var updated = admin.put("/api/admin/items/" + id,
          ApiClient.json(itemBody("Replica lag test, renamed", 900, 5, firstCategoryId())));
      assertThat(updated.status()).isEqualTo(200);

      assertThat(admin.get("/api/items/" + id).json().get("title").asString()).isEqualTo("Replica lag test, renamed");
      assertThat(anonymous().get("/api/items/" + id).json().get("title").asString())
          .as("a reader without a write of its own, after the item's cache entry was evicted")
          .isEqualTo("Replica lag test, renamed");
      assertThat(titleOnReplica(id)).as("the replica is really behind").isEqualTo("Replica lag test");
      assertThat(portThatAnswersReads()).isEqualTo(PRIMARY_PORT);

      freeze.execute("UNLOCK TABLES");
    }
    await().atMost(CATCH_UP).until(() -> titleOnReplica(id), "Replica lag test, renamed"::equals);
    await().atMost(CATCH_UP).untilAsserted(() -> assertThat(portThatAnswersReads()).isEqualTo(REPLICA_PORT));
  }

  @Test
  void readsStillAnswerWhileTheReplicaIsStoppedAndItServesAgainOnceRestarted() throws Exception {
    replicaScript("stop", "replica");

    for (int i = 0; i < 5; i++) {
      var page = anonymous().get("/api/items?size=3&page=" + i);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.json().get("content").size()).isEqualTo(3);
    }
    var health = anonymous().get("/actuator/health").json();
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("replica").get("status").asString()).isEqualTo("DEGRADED");
    String id = admin().post("/api/admin/items", ApiClient.json(itemBody("Written while the replica is down", 700, 3, firstCategoryId())))
        .json().get("id").asString();
    assertThat(anonymous().get("/api/items/" + id).status()).isEqualTo(200);

    replicaScript("start", "replica");

    await().atMost(CATCH_UP).until(() -> titleOnReplica(id), "Written while the replica is down"::equals);
    await().atMost(CATCH_UP).untilAsserted(() -> {
      assertThat(portThatAnswersReads()).isEqualTo(REPLICA_PORT);
      assertThat(anonymous().get("/actuator/health").json().get("components").get("replica").get("status").asString())
          .isEqualTo("UP");
    });
  }

  /** The routing of the catalog's reads: the main database's here. */
  protected ReadRouting catalogReads() {
    return reads;
  }

  /** The database holding the items table, on both servers. */
  protected String catalogDatabase() {
    return database();
  }

  private int portThatAnswersReads() {
    return catalogReads().read(db -> db.sql("SELECT @@port").query(Integer.class).single());
  }

  private double readsOn(String target) {
    return meters.get("bazaar.reads").tag("target", target).counter().count();
  }

  private String firstCategoryId() {
    return anonymous().get("/api/categories").json().get(0).get("id").asString();
  }

  private String titleOnReplica(String id) throws SQLException {
    try (Connection replica = connectTo(REPLICA_PORT);
        ResultSet row = replica.createStatement().executeQuery("SELECT title FROM items WHERE id = " + Long.parseLong(id))) {
      return row.next() ? row.getString(1) : null;
    } catch (SQLException notYetThere) {
      return null;
    }
  }

  private Connection connectTo(int port) throws SQLException {
    return ReplicaPair.connect(port, catalogDatabase());
  }

  /** Starts or stops only the replica of the pair bin/replica manages. */
  private static void replicaScript(String command, String server) throws IOException, InterruptedException {
    ReplicaPair.script(command, server);
  }
}
