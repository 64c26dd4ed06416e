package com.bazaar.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operations page's figures: Prometheus' view of the cluster when it answers, the node's own meters when not. */
class OperationsFiguresTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private HttpServer prometheus;

  @AfterEach
  void stop() {
    if (prometheus != null) {
      prometheus.stop(0);
    }
  }

  @Test
  void withoutPrometheusTheNodeShowsItsOwnMeters() {
    Counter.builder("bazaar.orders").tag("event", "placed").register(meters).increment(3);
    Counter.builder("bazaar.orders").tag("event", "paid").register(meters).increment(2);

    OperationsFigures.Snapshot snapshot = new OperationsFigures(meters, "").snapshot();

    assertThat(snapshot.source()).isEqualTo("this node's meters since it started");
    assertThat(snapshot.figures()).contains(new OperationsFigures.Figure("orders placed / paid / cancelled", "3 / 2 / 0"));
    assertThat(snapshot.alerts()).isEmpty();
  }

  @Test
  void withPrometheusItShowsTheClusterAndTheAlerts() throws IOException {
    startPrometheus(Map.of(
        "count(up{job=\"bazaar\"} == 1)", "2",
        "count(up{job=\"bazaar\"})", "3",
        "max(bazaar_outbox_backlog)", "7",
        "max(uri:http_server_requests_seconds:p99_rate5m)", "0.25"));

    OperationsFigures.Snapshot snapshot =
        new OperationsFigures(meters, "http://127.0.0.1:" + prometheus.getAddress().getPort()).snapshot();

    assertThat(snapshot.source()).startsWith("Prometheus at");
    assertThat(snapshot.figures()).contains(
        new OperationsFigures.Figure("nodes up", "2 of 3"),
        new OperationsFigures.Figure("outbox backlog", "7"),
        new OperationsFigures.Figure("worst p99 (5 min)", "250 ms"),
        new OperationsFigures.Figure("replica lag", "–"));
    assertThat(snapshot.alerts()).containsExactly("BazaarNodeDown 127.0.0.1:8183 (firing)");
  }

  @Test
  void aP99BeyondTheLastBucketIsShownAsSuchNotAsAFailedQuery() throws IOException {
    startPrometheus(Map.of("max(uri:http_server_requests_seconds:p99_rate5m)", "+Inf"));

    OperationsFigures.Snapshot snapshot =
        new OperationsFigures(meters, "http://127.0.0.1:" + prometheus.getAddress().getPort()).snapshot();

    assertThat(snapshot.source()).startsWith("Prometheus at");
    assertThat(snapshot.figures()).contains(new OperationsFigures.Figure("worst p99 (5 min)", "beyond the last bucket"));
  }

  @Test
  void aPrometheusThatDoesNotAnswerFallsBackToTheNodesMeters() {
    OperationsFigures.Snapshot snapshot = new OperationsFigures(meters, "http://127.0.0.1:1").snapshot();
    assertThat(snapshot.source()).startsWith("this node's meters (Prometheus at http://127.0.0.1:1 did not answer)");
    assertThat(snapshot.figures()).isNotEmpty();
  }

  /** Answers instant queries from the map (no result for others) and one firing alert. */
  private void startPrometheus(Map<String, String> values) throws IOException {
    prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    prometheus.createContext("/api/v1/query", exchange -> {
      String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("query=".length()), StandardCharsets.UTF_8);
      String value = values.get(query);
      String result = value == null ? "[]" : "[{\"metric\":{},\"value\":[1700000000,\"" + value + "\"]}]";
      answer(exchange, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + result + "}}");
    });
    prometheus.createContext("/api/v1/alerts", exchange -> answer(exchange,
        "{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"alertname\":\"BazaarNodeDown\","
            + "\"instance\":\"127.0.0.1:8183\"},\"state\":\"firing\"}]}}"));
    prometheus.start();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
