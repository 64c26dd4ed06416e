package com.bazaar.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.FreePorts;
import com.bazaar.support.RabbitTestBroker;
import com.bazaar.support.ZooKeeperServer;
import com.bazaar.support.cluster.ClusterHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The services deployment as separate processes (docs/services.md): two catalog instances and one
 * web instance of the packaged jar, registered in a real ZooKeeper ({@code bin/zookeeper}) under a
 * root of their own. One catalog instance killed -9 under a stream of reads through the web
 * instance: every read is answered, by the other instance.
 */
class ServicesIT {
  private static final int READS_AFTER_THE_KILL = 300;
  private static ClusterHarness services;
  private static String busPrefix = "";

  @BeforeAll
  static void startServices() throws Exception {
    ZooKeeperServer.start();
    String root = "/bazaar-it-" + UUID.randomUUID();
    busPrefix = "bazaar-it-services-" + UUID.randomUUID().toString().substring(0, 8);
    // Nodes start in order: both catalog instances (the first seeds the catalog), then the web.
    // The services deployment needs the RabbitMQ bus (events cross processes); names private to this run.
    services = ClusterHarness.builder().nodes(3).profiles("services", "redis", "rabbit")
        .property("bazaar.bus.prefix", busPrefix)
        .property("spring.cloud.zookeeper.connect-string", ZooKeeperServer.connectString())
        .property("spring.cloud.zookeeper.discovery.root", root)
        .nodeProperty(1, "bazaar.deployment.role", "catalog")
        .nodeProperty(1, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .nodeProperty(2, "bazaar.deployment.role", "catalog")
        .nodeProperty(2, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .nodeProperty(3, "bazaar.deployment.role", "web")
        .nodeProperty(3, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .start();
  }

  @AfterAll
  static void stopServices() {
    if (services != null) {
      services.close();
    }
    if (!busPrefix.isEmpty()) {
      RabbitTestBroker.deleteQueuesAndExchangesStartingWith(busPrefix);
    }
  }

  @Test
  void readsKeepAnsweringWhenOneCatalogInstanceIsKilled() {
    ApiClient web = new ApiClient(services.node(3).port());
    List<String> ids = new ArrayList<>();
    web.get("/api/items?size=20").json().path("content").forEach(item -> ids.add(item.path("id").asString()));
    assertThat(ids).hasSize(20);

    Map<Integer, Integer> before = read(web, ids, 100);
    services.kill(1);
    // Until the killed instance's ZooKeeper session expires (6 s) the balancer still picks it:
    // those reads are refused and tried again on the other instance.
    Map<Integer, Integer> after = read(web, ids, READS_AFTER_THE_KILL);

    assertThat(before).as("status → reads before the kill").containsOnlyKeys(200);
    assertThat(after).as("status → reads after the kill").containsOnlyKeys(200);
  }

  private static Map<Integer, Integer> read(ApiClient web, List<String> ids, int reads) {
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < reads; i++) {
      Answer answer = web.get("/api/items/" + ids.get(i % ids.size()));
      statuses.merge(answer.status(), 1, Integer::sum);
    }
    return statuses;
  }
}
