package com.bazaar.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.search.Search;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

  /** One endpoint's traffic, p99 and 5xx share, as text. */
  public record Endpoint(String uri, String traffic, String p99, String errors) {}

  /**
   * What the page shows: the source, the figures, the busiest endpoints (at most
   * {@link #ENDPOINTS}) and, from Prometheus, the active alerts.
   */
  public record Snapshot(String source, List<Figure> figures, List<Endpoint> endpoints, List<String> alerts) {}

  static final int ENDPOINTS = 10;

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
            local.figures(), local.endpoints(), local.alerts());
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
    figures.add(new Figure("flash tickets queued / ordered / failed per min",
        number(times(query("sum(outcome:bazaar_flash_tickets:rate1m{outcome=\"queued\"})"), 60)) + " / "
            + number(times(query("sum(outcome:bazaar_flash_tickets:rate1m{outcome=\"ordered\"})"), 60)) + " / "
            + number(times(query("sum(outcome:bazaar_flash_tickets:rate1m{outcome=\"failed\"})"), 60))));
    figures.add(new Figure("flash tickets waiting", number(query("max(bazaar_flash_queue_depth)"))));
    figures.add(new Figure("nginx requests / s, connections",
        number(query("sum(rate(nginx_http_requests_total[1m]))")) + ", " + number(query("sum(nginx_connections_active)"))));
    figures.add(new Figure("requests limited (429) / shed (503) per s",
        number(query("job:http_server_requests_limited:rate1m")) + " / " + number(query("job:bazaar_requests_shed:rate1m"))));
    List<String> alerts = new ArrayList<>();
    for (JsonNode alert : get("/api/v1/alerts").path("data").path("alerts")) {
      alerts.add(alert.path("labels").path("alertname").asString() + " " + alert.path("labels").path("instance").asString("")
          + " (" + alert.path("state").asString() + ")");
    }
    return new Snapshot("Prometheus at " + prometheusUrl + " (the whole cluster)", figures, endpointsFromPrometheus(), alerts);
  }

  /** The busiest endpoints of the last minute over all nodes, with their p99 and 5xx share over 5 minutes. */
  private List<Endpoint> endpointsFromPrometheus() throws Exception {
    Map<String, Double> p99 = byUri("uri:http_server_requests_seconds:p99_rate5m");
    Map<String, Double> errors = byUri("uri:http_server_requests_errors:ratio_rate5m");
    List<Endpoint> endpoints = new ArrayList<>();
    byUri("topk(" + ENDPOINTS + ", sum by (uri) (uri_method:http_server_requests:rate1m))").entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> endpoints.add(new Endpoint(e.getKey(), number(e.getValue()) + " /s",
            seconds(p99.getOrDefault(e.getKey(), Double.NaN)), percent(errors.getOrDefault(e.getKey(), Double.NaN)))));
    return endpoints;
  }

  private Snapshot fromThisNode() {
    List<Figure> figures = new ArrayList<>();
    List<Timer> timers = List.copyOf(meters.find("http.server.requests").timers());
    figures.add(new Figure("requests served", Long.toString(requests(timers))));
    figures.add(new Figure("5xx answers",
        Long.toString(timers.stream().filter(OperationsFigures::isServerError).mapToLong(Timer::count).sum())));
    figures.add(new Figure("p99 of all requests (at most)", p99Bound(timers)));
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
    figures.add(new Figure("requests shed (503)", Long.toString(count("bazaar.requests.shed"))));
    return new Snapshot("this node's meters since it started", figures, endpointsOfThisNode(), List.of());
  }

  /** The endpoints that served the most requests since this node started. */
  private List<Endpoint> endpointsOfThisNode() {
    Map<String, List<Timer>> byUri = new TreeMap<>();
    for (Timer timer : meters.find("http.server.requests").timers()) {
      byUri.computeIfAbsent(Optional.ofNullable(timer.getId().getTag("uri")).orElse("?"), u -> new ArrayList<>()).add(timer);
    }
    return byUri.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, List<Timer>> e) -> requests(e.getValue())).reversed())
        .limit(ENDPOINTS)
        .map(e -> {
          long requests = requests(e.getValue());
          long errors = e.getValue().stream().filter(OperationsFigures::isServerError).mapToLong(Timer::count).sum();
          return new Endpoint(e.getKey(), requests + (requests == 1 ? " request" : " requests"),
              p99Bound(e.getValue()), percent(requests == 0 ? Double.NaN : (double) errors / requests));
        })
        .toList();
  }

  private static long requests(List<Timer> timers) {
    return timers.stream().mapToLong(Timer::count).sum();
  }

  private static boolean isServerError(Timer timer) {
    return Optional.ofNullable(timer.getId().getTag("status")).orElse("").startsWith("5");
  }

  /** The smallest SLO bucket bound under which 99% of these timers' requests finished. */
  private static String p99Bound(List<Timer> timers) {
    double[] bounds = {};
    double[] counts = {};
    boolean first = true;
    double total = 0;
    for (Timer timer : timers) {
      CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
      if (first) {
        bounds = new double[buckets.length];
        counts = new double[buckets.length];
        first = false;
      }
      for (int i = 0; i < Math.min(buckets.length, bounds.length); i++) {
        bounds[i] = buckets[i].bucket(java.util.concurrent.TimeUnit.SECONDS);
        counts[i] += buckets[i].count();
      }
      total += timer.count();
    }
    if (first || total == 0) {
      return "–";
    }
    for (int i = 0; i < bounds.length; i++) {
      if (counts[i] >= 0.99 * total) {
        return seconds(bounds[i]);
      }
    }
    return "over " + seconds(bounds[bounds.length - 1]);
  }

  private long count(String name) {
    return sum(meters.find(name));
  }

  private long count(String name, String tag, String value) {
    return sum(meters.find(name).tag(tag, value));
  }

  private static long sum(Search search) {
    return (long) search.counters().stream().mapToDouble(Counter::count).sum();
  }

  private double gauge(String name) {
    Gauge gauge = meters.find(name).gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  /** An instant vector by its {@code uri} label. */
  private Map<String, Double> byUri(String promql) throws Exception {
    Map<String, Double> values = new LinkedHashMap<>();
    for (JsonNode sample : get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
        .path("data").path("result")) {
      values.put(sample.path("metric").path("uri").asString("?"), sampleValue(sample));
    }
    return values;
  }

  private double query(String promql) throws Exception {
    JsonNode result = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
        .path("data").path("result");
    if (result.isEmpty()) {
      return Double.NaN;
    }
    return sampleValue(result.get(0));
  }

  /** Prometheus writes infinities as "+Inf" and "-Inf" (a p99 beyond the last bucket), which Java does not read. */
  private static double sampleValue(JsonNode sample) {
    String value = sample.path("value").get(1).asString();
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
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
    if (Double.isInfinite(value)) {
      return "beyond the last bucket";
    }
    return value < 1 ? String.format(Locale.ROOT, "%.0f ms", value * 1000) : String.format(Locale.ROOT, "%.1f s", value);
  }
}
