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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The services deployment as separate processes (docs/services.md): one web instance and two
 * catalog instances of the packaged jar, each role on a MariaDB database of its own, registered in
 * a ZooKeeper of this test's own ({@code bin/zookeeper} on a free port: one test stops it, and the
 * shared one serves other tests). One catalog instance killed -9 under a stream of reads and a
 * stream of orders through the web instance: every read is answered, by the other instance; every order, sent again with its
 * Idempotency-Key on a 503, is accepted exactly once, and the stock adds up. Then ZooKeeper stopped under a stream of reads: every read is
 * answered by the instances already known, a catalog instance started meanwhile serves nobody until
 * ZooKeeper is back, and then joins and is called. The processes are shared: either test holds in
 * either order, which is fixed (the kill first) so that a failure reads the same on every run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicesIT {
  private static final int READS_AFTER_THE_KILL = 300;
  private static final long WARE_STOCK = 100_000;
  /** The web role's remote item read, as the catalog instance's request metrics name it. */
  private static final String INTERNAL_ITEM_READ = "/internal/catalog/items/{id}";
  /** Where Spring Cloud ZooKeeper registers the catalog instances ({@code /services/<name>}). */
  private static final String CATALOG_INSTANCES = "/services/catalog";
  private static PrivateZooKeeper zooKeeper;
  private static ClusterHarness services;
  private static String busPrefix = "";

  @BeforeAll
  static void startServices() throws Exception {
    zooKeeper = PrivateZooKeeper.start();
    busPrefix = "bazaar-it-services-" + UUID.randomUUID().toString().substring(0, 8);
    // Nodes start in order, each awaited healthy: the web instance (the stock's service), then both
    // catalog instances (the first seeds the catalog, and records its stock through the web
    // instance). Node 4, a third catalog instance, is started by the ZooKeeper test while ZooKeeper
    // is down. The web role's data is in the harness's database, the catalog role's in one of its own.
    // The services deployment needs the RabbitMQ bus (events cross processes); names private to this run.
    services = ClusterHarness.builder().nodes(3).profiles("services", "redis", "rabbit")
        .property("bazaar.bus.prefix", busPrefix)
        .property("spring.cloud.zookeeper.connect-string", zooKeeper.connectString())
        // The kill test's shoppers keep ordering without paying: lift the per-buyer unpaid-order limits it is not about.
        .property("bazaar.order.limits.max-pending-orders", "100000")
        .property("bazaar.order.limits.max-reserved-units", "100000")
        .nodeProperty(1, "bazaar.deployment.role", "web")
        .nodeProperty(1, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .nodeProperty(2, "bazaar.deployment.role", "catalog")
        .nodeProperty(2, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .nodeProperty(3, "bazaar.deployment.role", "catalog")
        .nodeProperty(3, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .nodeProperty(4, "bazaar.deployment.role", "catalog")
        .nodeProperty(4, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .database("catalog", 2, 3, 4)
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
  void readsAndOrdersKeepGoingWhenOneCatalogInstanceIsKilled() throws Exception {
    int webPort = services.node(1).port();
    ApiClient admin = new ApiClient(webPort).login("admin", "admin-password");
    List<String> ids = itemIds(new ApiClient(webPort));
    List<Long> wares = List.of(newItem(admin, WARE_STOCK), newItem(admin, WARE_STOCK));
    List<ApiClient> shoppers = List.of(newShopper(webPort), newShopper(webPort));

    ReadStream reads = ReadStream.start(webPort, ids);
    OrderStreams orders = OrderStreams.start(shoppers, wares);
    reads.awaitMoreReads(100);
    orders.awaitMoreAccepted(10);
    services.kill(2);
    // Until the killed instance's ZooKeeper session expires (6 s) the balancer still picks it:
    // those calls are refused and reads are tried again on the other instance. The streams go on
    // until the registry has dropped it, and then some.
    try (CuratorFramework registry = registry()) {
      await("the killed catalog instance leaves the registry").atMost(Duration.ofSeconds(60))
          .until(() -> registry.getChildren().forPath(CATALOG_INSTANCES).size() == 1);
    }
    reads.awaitMoreReads(READS_AFTER_THE_KILL);
    orders.awaitMoreAccepted(20);
    Map<Integer, Integer> statuses = reads.stop();
    List<Placed> accepted = orders.stop();

    assertThat(statuses).as("status → item reads, across the kill").containsOnlyKeys(200);
    assertThat(orders.failures()).as("orders refused or never answered").isEmpty();
    assertThat(accepted).extracting(Placed::key).as("one accepted order per key").doesNotHaveDuplicates();
    for (ApiClient shopper : shoppers) {
      assertThat(ordersOf(shopper)).as("the shopper's orders: each key's order once, none lost, none doubled")
          .containsExactlyInAnyOrderElementsOf(accepted.stream().filter(p -> p.shopper() == shopper).map(Placed::orderId)
              .toList());
    }
    for (long ware : wares) {
      long ordered = accepted.stream().filter(p -> p.itemId() == ware).mapToLong(Placed::quantity).sum();
      assertThat(stockOf(admin, ware)).as("stock of item %d after %d units ordered", ware, ordered)
          .isEqualTo(WARE_STOCK - ordered);
    }
  }

  @Test
  @Order(2)
  void callsKeepGoingToKnownInstancesWhileZooKeeperIsDownAndANewOneJoinsWhenItIsBack() {
    int webPort = services.node(1).port();
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
    Answer page = web.get("/api/items?size=20");
    page.json().path("content").forEach(item -> ids.add(item.path("id").asString()));
    assertThat(ids).as("the items of %s", page).hasSize(20);
    return ids;
  }

  private static long newItem(ApiClient admin, long stock) {
    String category = admin.get("/api/categories").json().get(0).path("id").asString();
    Answer created = admin.post("/api/admin/items", ApiClient.json(Map.of(
        "title", "services item " + UUID.randomUUID(),
        "description", "made by ServicesIT",
        "price", Map.of("amount", 1500, "currency", "CNY"),
        "stock", stock,
        "categoryId", Long.parseLong(category))));
    assertThat(created.status()).as("item created: %s", created).isEqualTo(201);
    return Long.parseLong(created.json().path("id").asString());
  }

  private static ApiClient newShopper(int port) {
    return new ApiClient(port).registerAndLogin("sv" + UUID.randomUUID().toString().substring(0, 12).replace("-", ""));
  }

  /** The stock the shop reports, to an admin (a personal read: no shared cache answers it). */
  private static long stockOf(ApiClient admin, long item) {
    Answer answer = admin.get("/api/items/" + item);
    assertThat(answer.status()).as("item read: %s", answer).isEqualTo(200);
    return answer.json().path("stock").asLong();
  }

  /** Every order id in the shopper's list, page by page. */
  private static List<String> ordersOf(ApiClient shopper) {
    List<String> ids = new ArrayList<>();
    for (int page = 0; ; page++) {
      var content = shopper.get("/api/orders?size=100&page=" + page).json().path("content");
      content.forEach(order -> ids.add(order.path("id").asString()));
      if (content.size() < 100) {
        return ids;
      }
    }
  }

  /** A client of the test's ZooKeeper, to see what the registry lists. */
  private static CuratorFramework registry() throws InterruptedException {
    CuratorFramework client = CuratorFrameworkFactory.newClient(zooKeeper.connectString(), new RetryOneTime(100));
    client.start();
    assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).as("connected to " + zooKeeper.connectString()).isTrue();
    return client;
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

  /** An order accepted: by whom, under which key, its id and its one line. */
  private record Placed(ApiClient shopper, String key, String orderId, long itemId, int quantity) {}

  /**
   * One thread per shopper placing orders one after another until stopped: one line, the wares
   * and quantities (1–3) in turn, each with an Idempotency-Key, sent again with the same key on a
   * 503 (the web instance's answer when the catalog could not be reached) as a shop's client does.
   */
  private static final class OrderStreams {
    /** How long one order is tried again on 503s: far beyond a registry session (6 s) and the breaker's open time (10 s). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final AtomicBoolean placing = new AtomicBoolean(true);
    private final List<Placed> accepted = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger retried = new AtomicInteger();
    private final List<CompletableFuture<Void>> streams = new ArrayList<>();
    private final ExecutorService threads;

    private OrderStreams(List<ApiClient> shoppers, List<Long> wares) {
      threads = Executors.newFixedThreadPool(shoppers.size());
      for (ApiClient shopper : shoppers) {
        streams.add(CompletableFuture.runAsync(() -> {
          for (int n = 0; placing.get(); n++) {
            place(shopper, wares.get(n % wares.size()), n % 3 + 1);
          }
        }, threads));
      }
    }

    static OrderStreams start(List<ApiClient> shoppers, List<Long> wares) {
      return new OrderStreams(shoppers, wares);
    }

    private void place(ApiClient shopper, long item, int quantity) {
      String key = UUID.randomUUID().toString();
      String body = "{\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":" + quantity + "}]}";
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline) {
        Answer answer = shopper.post("/api/orders", body, Map.of("Idempotency-Key", key));
        if (answer.status() == 201) {
          accepted.add(new Placed(shopper, key, answer.json().path("id").asString(), item, quantity));
          return;
        }
        if (answer.status() != 503) {
          failures.add("order " + key + ": " + answer.status() + " " + answer.body());
          return;
        }
        retried.incrementAndGet();
        // The client's pause before it tries again; the answer's Retry-After asks for more.
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
      failures.add("order " + key + ": 503 to every attempt for " + PATIENCE);
    }

    void awaitMoreAccepted(int more) {
      int target = accepted.size() + more;
      await(more + " more orders accepted").atMost(Duration.ofMinutes(1))
          .until(() -> accepted.size() >= target || streams.stream().anyMatch(CompletableFuture::isDone));
    }

    List<String> failures() {
      return List.copyOf(failures);
    }

    /** Stops both streams and answers the orders accepted. */
    List<Placed> stop() {
      placing.set(false);
      streams.forEach(CompletableFuture::join);
      threads.shutdown();
      System.out.println("ServicesIT: " + accepted.size() + " orders accepted, " + retried.get() + " attempts answered 503");
      return List.copyOf(accepted);
    }
  }
}
