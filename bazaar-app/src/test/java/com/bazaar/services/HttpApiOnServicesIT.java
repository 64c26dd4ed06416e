package com.bazaar.services;

import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTarget;
import com.bazaar.support.ApiTest;
import com.bazaar.support.FreePorts;
import com.bazaar.support.PrivateZooKeeper;
import com.bazaar.support.RabbitTestBroker;
import com.bazaar.support.cluster.ClusterHarness;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The HTTP API suite, unchanged, against the services deployment in separate processes
 * (docs/services.md): two web instances and one catalog instance of the packaged jar, registered
 * in a ZooKeeper of this suite's own, on RabbitMQ, with nginx in front of the web instances. The
 * same classes run in-process under surefire; here {@link ApiTarget} points them at nginx and
 * their context is a small one ({@code ApiTestContextLoader}), so no app starts in this JVM. The
 * processes run with the tests' settings ({@code application-test.yaml}: generous rate limits, no
 * load shedding), each role on a MariaDB database of its own; the tests read the stock and the
 * payments from the web role's.
 *
 * <p>Left out: tests tagged {@link ApiTest#IN_PROCESS}; a test that reaches into a bean of the app
 * is reported skipped ({@code ApiTestContextLoader}); and the classes that configure the app they
 * test (a mutable clock, beans, profiles or properties of their own), check its internals, or are
 * about one node's own HTTP edge rather than the API. docs/services.md lists them and why.
 */
@Suite
@SelectClasses(names = {
    "com.bazaar.catalog.CatalogApiTest",
    "com.bazaar.catalog.ItemImagesApiTest",
    "com.bazaar.cart.CartApiTest",
    "com.bazaar.cart.CartConcurrencyTest",
    "com.bazaar.order.OrderApiTest",
    "com.bazaar.order.OrderDeliveryApiTest",
    "com.bazaar.order.OrderLimitsTest",
    "com.bazaar.order.OrderConcurrencyTest",
    "com.bazaar.notification.NotificationApiTest",
    "com.bazaar.search.SearchApiTest",
    "com.bazaar.search.SearchBrowsingApiTest",
    "com.bazaar.user.SessionApiTest",
    "com.bazaar.user.AddressApiTest",
    "com.bazaar.user.UsernameAndPasswordRulesTest",
    "com.bazaar.platform.web.JsonOnlyApiTest",
    "com.bazaar.platform.web.LanguagesTest",
    "com.bazaar.platform.web.SmallerFindingsTest",
    "com.bazaar.platform.apidocs.ApiDocsTest",
    "com.bazaar.catalog.CatalogBrowsingApiTest"})
@ExcludeTags(ApiTest.IN_PROCESS)
public class HttpApiOnServicesIT {
  private static PrivateZooKeeper zooKeeper;
  private static ClusterHarness services;
  private static String busPrefix = "";

  @BeforeSuite
  static void startServices() throws Exception {
    zooKeeper = PrivateZooKeeper.start();
    busPrefix = "bazaar-it-api-" + UUID.randomUUID().toString().substring(0, 8);
    // Nodes start in order, each awaited healthy: nodes 1 and 2 the web instances behind nginx (the
    // stock's service; the first migrates the web role's database), then node 3 the catalog, on a
    // database of its own, which seeds the demo catalog and records its stock through them.
    services = ClusterHarness.builder().nodes(3).profiles("services", "redis", "rabbit")
        .property("spring.config.additional-location", "file:" + testSettings())
        .property("bazaar.bus.prefix", busPrefix)
        .property("spring.cloud.zookeeper.connect-string", zooKeeper.connectString())
        .nodeProperty(1, "bazaar.deployment.role", "web")
        .nodeProperty(1, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .nodeProperty(2, "bazaar.deployment.role", "web")
        .nodeProperty(2, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .nodeProperty(3, "bazaar.deployment.role", "catalog")
        .nodeProperty(3, "bazaar.services.internal-port", String.valueOf(FreePorts.pick()))
        .database("catalog", 3)
        .nginxInFrontOf(1, 2)
        .start();
    // Healthy is not searchable: each web instance builds its index once the catalog answers (its
    // build is tried again in the background, at most 30 s apart: bazaar.search.rebuild-retry-max).
    for (int web : List.of(1, 2)) {
      await("web instance " + web + "'s search index built").atMost(Duration.ofMinutes(2))
          .until(() -> searchIndexStatus(services.node(web).port()).equals("UP"));
    }
    // The stock and payments the tests check are the web role's.
    ApiTarget.remote(new ApiTarget.Remote(services.nginxPort(), services.jdbcUrl(1), "root", ""));
  }

  @AfterSuite
  static void stopServices() {
    ApiTarget.inProcess();
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

  /** The {@code searchIndex} component of an instance's health: UP once built, BUILDING or UNAVAILABLE before. */
  private static String searchIndexStatus(int port) {
    return new ApiClient(port).get("/actuator/health").json().path("components").path("searchIndex").path("status")
        .asString();
  }

  /** The settings the in-process API tests run with; the harness's command line (database, pictures) wins over them. */
  private static Path testSettings() throws URISyntaxException {
    return Path.of(HttpApiOnServicesIT.class.getResource("/application-test.yaml").toURI());
  }
}
