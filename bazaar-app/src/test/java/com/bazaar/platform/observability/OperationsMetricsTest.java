package com.bazaar.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.FreePorts;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import com.bazaar.support.Trades;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Stage 15 and issue 10 item 7: the meters are scraped on a loopback metrics port that serves
 * nothing else but the log levels, and they carry the business figures an operator watches.
 */
class OperationsMetricsTest extends ApiTest {
  private static final int METRICS_PORT = FreePorts.pick();

  @Autowired TestItems items;

  @DynamicPropertySource
  static void metricsPort(DynamicPropertyRegistry registry) {
    registry.add("bazaar.metrics.port", () -> METRICS_PORT);
  }

  @Test
  void theMetricsPortServesTheScrapeToAnyoneAndNothingElse() {
    ApiClient scraper = new ApiClient(METRICS_PORT);
    var scrape = scraper.send("GET", "/actuator/prometheus", null, Map.of("Accept", "text/plain"));
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body()).contains("jvm_memory", "bazaar_outbox_backlog", "bazaar_flash_queue_depth",
        "bazaar_protection_limit", "bazaar_protection_in_flight");
    assertThat(scraper.get("/actuator/metrics").status()).isEqualTo(200);

    // Refused (denyAll: 401 to a caller without a session), whatever the main port would answer.
    assertThat(scraper.get("/api/items").status()).isEqualTo(401);
    assertThat(scraper.get("/actuator/health").status()).isEqualTo(401);
    assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
  }

  @Test
  void anOperatorSetsALogLevelOnTheMetricsPortWhileThePublicPortKeepsItsCsrfCheck() {
    ApiClient operator = new ApiClient(METRICS_PORT);
    String logger = "/actuator/loggers/com.bazaar.demo.operator";

    var set = operator.post(logger, "{\"configuredLevel\":\"DEBUG\"}");

    assertThat(set.status()).as(set.body()).isEqualTo(204);
    assertThat(operator.get(logger).json().get("configuredLevel").asString()).isEqualTo("DEBUG");
    // The public port: admins read the levels, but a POST without a CSRF token is refused.
    ApiClient admin = admin();
    assertThat(admin.get(logger).status()).isEqualTo(200);
    assertThat(admin.post(logger, "{\"configuredLevel\":\"TRACE\"}").status()).isEqualTo(403);
    assertThat(anonymous().get(logger).status()).isEqualTo(401);
    assertThat(operator.get(logger).json().get("configuredLevel").asString()).isEqualTo("DEBUG");
  }

  @Test
  void ordersPlacedPaidAndCancelledAreCounted() {
    double placed = ordersCounted("placed");
    double paid = ordersCounted("paid");
    double cancelled = ordersCounted("cancelled");
    ApiClient shopper = newShopper();
    long lamp = items.create("Counted lamp", 1000, 10);

    Trades.pay(shopper, Trades.place(shopper, lamp, 1));
    Trades.cancel(shopper, Trades.place(shopper, lamp, 1));

    assertThat(ordersCounted("placed")).isEqualTo(placed + 2);
    assertThat(ordersCounted("paid")).isEqualTo(paid + 1);
    assertThat(ordersCounted("cancelled")).isEqualTo(cancelled + 1);
    // The order events drain from the outbox: nothing left behind.
    await().atMost(Duration.ofSeconds(30)).until(() -> meter("bazaar_outbox_backlog", "") == 0);
  }

  private double ordersCounted(String event) {
    return meter("bazaar_orders_total", "event=\"" + event + "\"");
  }

  private double meter(String name, String label) {
    String body = new ApiClient(METRICS_PORT).send("GET", "/actuator/prometheus", null, Map.of("Accept", "text/plain")).body();
    Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} (\\S+)$").matcher(body);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }
}
