package com.bazaar.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.FreePorts;
import com.bazaar.support.cluster.ClusterHarness;
import com.bazaar.support.cluster.Node;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stage 15 on a real cluster: two nodes behind nginx on Redis and RabbitMQ, Zipkin and
 * Prometheus (with the nginx exporter) started by their bin scripts. A flash purchase is one
 * trace in Zipkin from the web request to the consumer's order insert, every scrape target is
 * up (nodes, nginx, Zipkin, Prometheus), the admin operations page shows Prometheus' view of the
 * cluster and the invariants, and a killed node raises the node-down alert, pending first, then
 * firing — which the operations page then lists.
 */
class ObservedClusterIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static Path state;
  private static int zipkinPort;
  private static int prometheusPort;
  private static int nginxExporterPort;

  @BeforeAll
  static void startZipkin() throws Exception {
    state = Files.createTempDirectory("bazaar-observed-");
    zipkinPort = FreePorts.pick();
    prometheusPort = FreePorts.pick();
    nginxExporterPort = FreePorts.pick();
    script(Map.of(), "zipkin", "start");
  }

  @AfterAll
  static void stopBackends() throws Exception {
    script(Map.of(), "prometheus", "stop");
    script(Map.of(), "zipkin", "stop");
  }

  @Test
  void aFlashPurchaseIsOneTraceAndTheClusterIsScrapedAndAlertedOn() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    try (ClusterHarness cluster = ClusterHarness.builder().nodes(2)
        .profiles("redis", "rabbit", "flash-cluster", "edge", "zipkin")
        .property("management.tracing.sampling.probability", "1.0")
        .property("management.tracing.export.zipkin.endpoint", "http://127.0.0.1:" + zipkinPort + "/api/v2/spans")
        .property("bazaar.security.bcrypt-strength", "4")
        .property("bazaar.flash.queue.name", "bazaar.flash.obs-" + run)
        .property("bazaar.bus.prefix", "bazaar-obs-" + run)
        .property("bazaar.observability.prometheus-url", "http://127.0.0.1:" + prometheusPort)
        .nginx().start()) {
      String traceId = flashPurchaseThroughNginx(cluster);
      List<JsonNode> spans = awaitTrace(traceId, cluster);
      assertThat(spans).as(describe(spans))
          .anySatisfy(s -> assertThat(s.path("kind").asString() + " " + s.path("name").asString())
              .isEqualTo("SERVER http post /api/flash-sales/{saleid}/purchase"))
          .anySatisfy(s -> assertThat(s.path("remoteEndpoint").path("serviceName").asString()).isEqualTo("redis"))
          .anySatisfy(s -> assertThat(s.path("kind").asString() + " " + s.path("name").asString())
              .isEqualTo("PRODUCER flash ticket send"))
          .anySatisfy(s -> assertThat(s.path("kind").asString()).isEqualTo("CONSUMER"))
          .anySatisfy(s -> assertThat(s.path("name").asString()).isEqualTo("order insert"));
      assertThat(spans).extracting(s -> s.path("traceId").asString()).containsOnly(traceId);

      String targets = cluster.nodes().stream().map(n -> "127.0.0.1:" + n.metricsPort()).collect(Collectors.joining(","));
      script(Map.of("BAZAAR_METRICS_TARGETS", targets, "PROMETHEUS_EXPORTERS", "nginx",
          "NGINX_EXPORTER_PORT", String.valueOf(nginxExporterPort),
          "BAZAAR_NGINX_STATUS_PORT", String.valueOf(cluster.nginxStatusPort()),
          "PROMETHEUS_INTERVAL", "2s", "PROMETHEUS_NODE_DOWN_FOR", "20s"), "prometheus", "start");
      await("every scrape target up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(targetHealth()).hasSize(5).allSatisfy(h -> assertThat(h).endsWith(" up"))
              .anySatisfy(h -> assertThat(h).startsWith("nginx ")));
      await("nginx's own figures scraped").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
          .until(() -> query("nginx_up").equals("1"));

      ApiClient admin = new ApiClient(cluster.nginxPort()).login("admin", "admin-password");
      await("the operations page shows Prometheus' view").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(operationsPage(admin))
              .contains("Source: Prometheus at http://127.0.0.1:" + prometheusPort + " (the whole cluster)")
              .containsPattern("<th>nodes up</th>\\s*<td class=\"num\">2 of 2</td>")
              .contains("data-test=\"endpoint\"", "stock accounting (")
              .doesNotContain("VIOLATED"));

      Node killed = cluster.node(2);
      cluster.kill(2);
      String instance = "127.0.0.1:" + killed.metricsPort();
      await("node-down alert pending").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
          .until(() -> alertState("BazaarNodeDown", instance).equals("pending"));
      await("node-down alert firing").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> alertState("BazaarNodeDown", instance).equals("firing"));
      assertThat(operationsPage(admin)).contains("BazaarNodeDown " + instance + " (firing)");
    }
  }

  /** One buyer's flash purchase through nginx, settled as an order; answers its trace id. */
  private static String flashPurchaseThroughNginx(ClusterHarness cluster) {
    ApiClient admin = new ApiClient(cluster.nginxPort()).login("admin", "admin-password");
    String category = admin.get("/api/categories").json().get(0).path("id").asString();
    Answer item = admin.post("/api/admin/items", ApiClient.json(Map.of(
        "title", "traced item " + UUID.randomUUID(), "description", "made by ObservedClusterIT",
        "price", Map.of("amount", 19_900, "currency", "CNY"), "stock", 5, "categoryId", Long.parseLong(category))));
    assertThat(item.status()).as(item.body()).isEqualTo(201);
    String saleId = FlashSaleFixtures.createSale(admin, Long.parseLong(item.json().path("id").asString()), 990, 5, 1);
    ApiClient buyer = new ApiClient(cluster.nginxPort())
        .registerAndLogin("ob" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));

    Answer bought = buyer.post("/api/flash-sales/" + saleId + "/purchase", "{\"quantity\":1}");
    assertThat(bought.status()).as(bought.body()).isEqualTo(202);
    String traceId = bought.header("X-Request-Id");
    assertThat(traceId).matches("[0-9a-f]{32}");
    String ticket = bought.json().get("ticket").asString();
    await("the ticket is ordered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
        buyer.get("/api/flash-sales/" + saleId + "/purchase/" + ticket).json().path("status").asString().equals("ORDERED"));
    return traceId;
  }

  private static List<JsonNode> awaitTrace(String traceId, ClusterHarness cluster) {
    List<JsonNode> spans = new ArrayList<>();
    await("the trace in Zipkin").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      spans.clear();
      HttpResponse<String> answer = get("http://127.0.0.1:" + zipkinPort + "/api/v2/trace/" + traceId);
      if (answer.statusCode() == 200) {
        JSON.readTree(answer.body()).forEach(spans::add);
      }
      return spans.stream().anyMatch(s -> s.path("name").asString().equals("order insert"));
    });
    return spans;
  }

  private static String describe(List<JsonNode> spans) {
    return spans.stream().map(s -> s.path("kind").asString() + " " + s.path("name").asString() + " @"
        + s.path("localEndpoint").path("serviceName").asString() + " -> " + s.path("remoteEndpoint").path("serviceName").asString())
        .collect(Collectors.joining("\n", "spans:\n", ""));
  }

  private static List<String> targetHealth() throws Exception {
    List<String> health = new ArrayList<>();
    for (JsonNode t : JSON.readTree(get(prometheus("/api/v1/targets")).body()).path("data").path("activeTargets")) {
      health.add(t.path("labels").path("job").asString() + " " + t.path("labels").path("instance").asString()
          + " " + t.path("health").asString());
    }
    return health;
  }

  private static String operationsPage(ApiClient admin) {
    // Its figures' names are English whatever the language; the page around them is asked for in English.
    Answer page = admin.send("GET", "/admin/operations", null, Map.of("Accept", "text/html", "Accept-Language", "en"));
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  /** The value of an instant query with one result, or "none". */
  private static String query(String promql) throws Exception {
    JsonNode result = JSON.readTree(get(prometheus("/api/v1/query?query="
        + java.net.URLEncoder.encode(promql, java.nio.charset.StandardCharsets.UTF_8))).body()).path("data").path("result");
    return result.isEmpty() ? "none" : result.get(0).path("value").get(1).asString();
  }

  private static String alertState(String name, String instance) throws Exception {
    for (JsonNode alert : JSON.readTree(get(prometheus("/api/v1/alerts")).body()).path("data").path("alerts")) {
      if (alert.path("labels").path("alertname").asString().equals(name)
          && alert.path("labels").path("instance").asString().equals(instance)) {
        return alert.path("state").asString();
      }
    }
    return "inactive";
  }

  private static String prometheus(String path) {
    return "http://127.0.0.1:" + prometheusPort + path;
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Runs bin/zipkin or bin/prometheus with this test's ports and state directories. */
  private static void script(Map<String, String> environment, String name, String command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bin").resolve(name).toString(), command)
        .directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve(name + ".out").toFile()));
    builder.environment().putAll(Map.of(
        "ZIPKIN_PORT", String.valueOf(zipkinPort), "ZIPKIN_DIR", state.resolve("zipkin").toString(),
        "PROMETHEUS_PORT", String.valueOf(prometheusPort), "PROMETHEUS_DIR", state.resolve("prometheus").toString()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("bin/%s %s finished", name, command).isTrue();
    assertThat(process.exitValue()).as("bin/%s %s: %s", name, command,
        Files.readString(state.resolve(name + ".out"))).isZero();
  }
}
