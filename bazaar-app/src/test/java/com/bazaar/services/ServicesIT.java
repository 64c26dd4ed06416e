package com.bazaar.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.FreePorts;
import com.bazaar.support.PrivateZooKeeper;
import com.bazaar.support.RabbitTestBroker;
import com.bazaar.support.cluster.ClusterHarness;
import com.bazaar.support.cluster.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The services deployment as separate processes (docs/services.md): two catalog instances and one
 * web instance of the packaged jar, registered in a ZooKeeper of this test's own ({@code
 * bin/zookeeper} on a free port: one test stops it, and the shared one serves other tests). One
 * catalog instance killed -9 under a stream of reads through the web instance: every read is
 * answered, by the other instance. Then ZooKeeper stopped under a stream of reads: every read is
 * answered by the instances already known, a catalog instance started meanwhile serves nobody until
 * ZooKeeper is back, and then joins and is called. The processes are shared: either test holds in
 * either order, which is fixed (the kill first) so that a failure reads the same on every run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicesIT {
  private static final int READS_AFTER_THE_KILL = 300;
  /** The web role's remote item read, as the catalog instance's request metrics name it. */
  private static final String INTERNAL_ITEM_READ = "/internal/catalog/items/{id}";
  private static PrivateZooKeeper zooKeeper;
  private static ClusterHarness services;
  private static String busPrefix = "";

  @BeforeAll
  static void startServices() throws Exception {
    zooKeeper = PrivateZooKeeper.start();
    busPrefix = "bazaar-it-services-" + UUID.randomUUID().toString().substring(0, 8);
    // Nodes start in order: both catalog instances (the first seeds the catalog), then the web.
    // Node 4, a third catalog instance, is started by the ZooKeeper test while ZooKeeper is down.
    // The services deployment needs the RabbitMQ bus (events cross processes); names private to this run.
    services = ClusterHarness.builder().nodes(3).profiles("services", "redis", "rabbit")
        .property("bazaar.bus.prefix", busPrefix)
        .property("spring.cloud.zookeeper.connect-string", zooKeeper.connectString())
        .nodeProperty(1, "bazaar.deployment.role", "catalog")
        .nodeProperty(1, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .nodeProperty(2, "bazaar.deployment.role", "catalog")
        .nodeProperty(2, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .nodeProperty(3, "bazaar.deployment.role", "web")
        .nodeProperty(3, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .nodeProperty(4, "bazaar.deployment.role", "catalog")
        .nodeProperty(4, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .start();
  }

  @AfterAll
  static void stopServices() {
    if (services != null) {
      services.close();
    }
    if (zooKeeper != null) {
      zooKeeper.close();
    }
    if (!busPrefix.isEmpty()) {
      RabbitTestBroker.deleteQueuesAndExchangesStartingWith(busPrefix);
    }
  }

  @Test
  @Order(1)
  void readsKeepAnsweringWhenOneCatalogInstanceIsKilled() {
    ApiClient web = new ApiClient(services.node(3).port());
    List<String> ids = itemIds(web);

    Map<Integer, Integer> before = read(web, ids, 100);
    services.kill(1);
    // Until the killed instance's ZooKeeper session expires (6 s) the balancer still picks it:
    // those reads are refused and tried again on the other instance.
    Map<Integer, Integer> after = read(web, ids, READS_AFTER_THE_KILL);

    assertThat(before).as("status → reads before the kill").containsOnlyKeys(200);
    assertThat(after).as("status → reads after the kill").containsOnlyKeys(200);
  }

  @Test
  @Order(2)
  void callsKeepGoingToKnownInstancesWhileZooKeeperIsDownAndANewOneJoinsWhenItIsBack() {
    int webPort = services.node(3).port();
    ApiClient web = new ApiClient(webPort);
    List<String> ids = itemIds(web);
    assertThat(read(web, ids, 20)).as("status → reads before ZooKeeper stops").containsOnlyKeys(200);

    ReadStream whileDown = ReadStream.start(webPort, ids);
    zooKeeper.stop();
    await("the web instance sees ZooKeeper unreachable").atMost(Duration.ofSeconds(30))
        .until(() -> registryStatus(webPort).equals("UNREACHABLE"));
    // A catalog instance started now serves (its health is UP, the registry UNREACHABLE) but cannot
    // register: the web instance, balancing over the instances it last listed, never calls it.
    Node newcomer = services.addNode();
    whileDown.awaitMoreReads(150);
    Map<Integer, Integer> statusesWhileDown = whileDown.stop();

    assertThat(statusesWhileDown).as("status → reads while ZooKeeper is down").containsOnlyKeys(200);
    assertThat(registryStatus(newcomer.port())).as("the newcomer's registry").isEqualTo("UNREACHABLE");
    assertThat(newcomer.requestsServed(INTERNAL_ITEM_READ)).as("item reads the newcomer served while ZooKeeper was down")
        .isZero();

    zooKeeper.startAgain(); // empty: every instance registers anew, the newcomer for the first time
    Map<Integer, Integer> statusesOnceBack = new TreeMap<>();
    await("the newcomer registered and called by the web instance").atMost(Duration.ofSeconds(90)).until(() -> {
      read(web, ids, 20).forEach((status, count) -> statusesOnceBack.merge(status, count, Integer::sum));
      return newcomer.requestsServed(INTERNAL_ITEM_READ) > 0;
    });
    assertThat(statusesOnceBack).as("status → reads once ZooKeeper is back").containsOnlyKeys(200);
    assertThat(registryStatus(webPort)).as("the web instance's registry").isEqualTo("UP");
  }

  private static List<String> itemIds(ApiClient web) {
    List<String> ids = new ArrayList<>();
    web.get("/api/items?size=20").json().path("content").forEach(item -> ids.add(item.path("id").asString()));
    assertThat(ids).hasSize(20);
    return ids;
  }

  /** The {@code registry} component of an instance's health: UP, or UNREACHABLE while ZooKeeper is. */
  private static String registryStatus(int port) {
    return new ApiClient(port).get("/actuator/health").json().path("components").path("registry").path("status")
        .asString();
  }

  private static Map<Integer, Integer> read(ApiClient web, List<String> ids, int reads) {
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < reads; i++) {
      Answer answer = web.get("/api/items/" + ids.get(i % ids.size()));
      statuses.merge(answer.status(), 1, Integer::sum);
    }
    return statuses;
  }

  /** Item reads through the web instance, one after another on a thread of their own, until stopped. */
  private static final class ReadStream {
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final AtomicInteger reads = new AtomicInteger();
    private final CompletableFuture<Map<Integer, Integer>> statuses;

    private ReadStream(int webPort, List<String> ids) {
      statuses = CompletableFuture.supplyAsync(() -> {
        ApiClient web = new ApiClient(webPort);
        Map<Integer, Integer> answered = new TreeMap<>();
        while (reading.get()) {
          answered.merge(web.get("/api/items/" + ids.get(reads.get() % ids.size())).status(), 1, Integer::sum);
          reads.incrementAndGet();
        }
        return answered;
      });
    }

    static ReadStream start(int webPort, List<String> ids) {
      return new ReadStream(webPort, ids);
    }

    void awaitMoreReads(int more) {
      int target = reads.get() + more;
      await(more + " more reads").atMost(Duration.ofMinutes(1)).until(() -> reads.get() >= target || statuses.isDone());
    }

    /** Status → how many reads answered it. */
    Map<Integer, Integer> stop() {
      reading.set(false);
      return statuses.join();
    }
  }
}
