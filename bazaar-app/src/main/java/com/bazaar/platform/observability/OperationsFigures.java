package com.bazaar.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of the admin operations page: from Prometheus' HTTP API when
 * {@code bazaar.observability.prometheus-url} is set (the whole cluster, rates over the last
 * minutes, the alerts that fire), otherwise from this node's own meters (totals since it
 * started). A Prometheus that does not answer falls back to the node's meters and says so.
 */
@Component
public class OperationsFigures {
  private static final Logger log = LoggerFactory.getLogger(OperationsFigures.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** One line of the page: what, its value as text, and where it comes from. */
  public record Figure(String name, String value) {}

  /** What the page shows: the source, the figures and, from Prometheus, the active alerts. */
  public record Snapshot(String source, List<Figure> figures, List<String> alerts) {}

  private final MeterRegistry meters;
  private final String prometheusUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final JsonMapper json = JsonMapper.builder().build();

  OperationsFigures(MeterRegistry meters, @Value("${bazaar.observability.prometheus-url:}") String prometheusUrl) {
    this.meters = meters;
    this.prometheusUrl = prometheusUrl.endsWith("/") ? prometheusUrl.substring(0, prometheusUrl.length() - 1) : prometheusUrl;
  }

  public Snapshot snapshot() {
    if (!prometheusUrl.isEmpty()) {
      try {
        return fromPrometheus();
      } catch (Exception e) {
        log.info("operations page: Prometheus at {} did not answer ({}); showing this node's meters", prometheusUrl,
            e.toString());
        Snapshot local = fromThisNode();
        return new Snapshot("this node's meters (Prometheus at " + prometheusUrl + " did not answer)",
            local.figures(), local.alerts());
      }
    }
    return fromThisNode();
  }

  private Snapshot fromPrometheus() throws Exception {
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("nodes up", number(query("count(up{job=\"bazaar\"} == 1)")) + " of "
        + number(query("count(up{job=\"bazaar\"})"))));
    figures.add(new Figure("requests / s", number(query("sum(uri_method:http_server_requests:rate1m)"))));
    figures.add(new Figure("5xx ratio (5 min)", percent(query("job:http_server_requests_errors:ratio_rate5m"))));
    figures.add(new Figure("worst p99 (5 min)", seconds(query("max(uri:http_server_requests_seconds:p99_rate5m)"))));
    figures.add(new Figure("orders placed / paid / cancelled per min",
        number(times(query("sum(event:bazaar_orders:rate5m{event=\"placed\"})"), 60)) + " / "
            + number(times(query("sum(event:bazaar_orders:rate5m{event=\"paid\"})"), 60)) + " / "
            + number(times(query("sum(event:bazaar_orders:rate5m{event=\"cancelled\"})"), 60))));
    figures.add(new Figure("outbox backlog", number(query("max(bazaar_outbox_backlog)"))));
    figures.add(new Figure("oldest outbox publication", seconds(query("max(bazaar_outbox_oldest_age_seconds)"))));
    figures.add(new Figure("dead letters", number(query("sum(max by (queue) (bazaar_bus_dead_letters))"))));
    figures.add(new Figure("replica lag", seconds(query("max(bazaar_replica_lag_seconds)"))));
    figures.add(new Figure("flash tickets waiting", number(query("max(bazaar_flash_queue_depth)"))));
    figures.add(new Figure("requests limited (429) / shed (503) per s",
        number(query("job:http_server_requests_limited:rate1m")) + " / " + number(query("job:bazaar_requests_shed:rate1m"))));
    List<String> alerts = new ArrayList<>();
    for (JsonNode alert : get("/api/v1/alerts").path("data").path("alerts")) {
      alerts.add(alert.path("labels").path("alertname").asString() + " " + alert.path("labels").path("instance").asString("")
          + " (" + alert.path("state").asString() + ")");
    }
    return new Snapshot("Prometheus at " + prometheusUrl + " (the whole cluster)", figures, alerts);
  }

  private Snapshot fromThisNode() {
    List<Figure> figures = new ArrayList<>();
    long requests = 0;
    long errors = 0;
    for (Timer timer : meters.find("http.server.requests").timers()) {
      requests += timer.count();
      if (Optional.ofNullable(timer.getId().getTag("status")).orElse("").startsWith("5")) {
        errors += timer.count();
      }
    }
    figures.add(new Figure("requests served", Long.toString(requests)));
    figures.add(new Figure("5xx answers", Long.toString(errors)));
    figures.add(new Figure("p99 of all requests (at most)", p99Bound()));
    figures.add(new Figure("orders placed / paid / cancelled",
        count("bazaar.orders", "event", "placed") + " / " + count("bazaar.orders", "event", "paid") + " / "
            + count("bazaar.orders", "event", "cancelled")));
    figures.add(new Figure("outbox backlog", number(gauge("bazaar.outbox.backlog"))));
    figures.add(new Figure("oldest outbox publication", seconds(gauge("bazaar.outbox.oldest.age"))));
    figures.add(new Figure("replica lag", seconds(gauge("bazaar.replica.lag"))));
    long queued = count("bazaar.flash.tickets", "outcome", "queued");
    long ordered = count("bazaar.flash.tickets", "outcome", "ordered");
    long failed = count("bazaar.flash.tickets", "outcome", "failed");
    figures.add(new Figure("flash tickets queued / ordered / failed", queued + " / " + ordered + " / " + failed));
    figures.add(new Figure("flash tickets waiting", number(gauge("bazaar.flash.queue.depth"))));
    figures.add(new Figure("requests shed (503)", Long.toString(count("bazaar.requests.shed", null, null))));
    return new Snapshot("this node's meters since it started", figures, List.of());
  }

  /** The smallest SLO bucket bound under which 99% of this node's requests finished. */
  private String p99Bound() {
    double[] bounds = null;
    double[] counts = null;
    double total = 0;
    for (Timer timer : meters.find("http.server.requests").timers()) {
      CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
      if (bounds == null) {
        bounds = new double[buckets.length];
        counts = new double[buckets.length];
      }
      for (int i = 0; i < Math.min(buckets.length, bounds.length); i++) {
        bounds[i] = buckets[i].bucket(java.util.concurrent.TimeUnit.SECONDS);
        counts[i] += buckets[i].count();
      }
      total += timer.count();
    }
    if (bounds == null || total == 0) {
      return "–";
    }
    for (int i = 0; i < bounds.length; i++) {
      if (counts[i] >= 0.99 * total) {
        return seconds(bounds[i]);
      }
    }
    return "over " + seconds(bounds[bounds.length - 1]);
  }

  private long count(String name, String tag, String value) {
    var search = meters.find(name);
    if (tag != null) {
      search = search.tag(tag, value);
    }
    return (long) search.counters().stream().mapToDouble(Counter::count).sum();
  }

  private double gauge(String name) {
    Gauge gauge = meters.find(name).gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  private double query(String promql) throws Exception {
    JsonNode result = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
        .path("data").path("result");
    if (result.isEmpty()) {
      return Double.NaN;
    }
    return Double.parseDouble(result.get(0).path("value").get(1).asString());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).timeout(TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + answer.statusCode() + " for " + path);
    }
    return json.readTree(answer.body());
  }

  private static double times(double value, double factor) {
    return value * factor;
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String percent(double ratio) {
    return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f %%", ratio * 100);
  }

  private static String seconds(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return value < 1 ? String.format(Locale.ROOT, "%.0f ms", value * 1000) : String.format(Locale.ROOT, "%.1f s", value);
  }
}
