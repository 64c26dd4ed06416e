package com.bazaar.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The run's figures as one tree: written as result.json and rendered as report.html. */
public final class Results {

  private Results() {}

  public static Map<String, Object> of(
      BenchConfig config, Instant startedAt, Measurements m, Audit.Result audit, DbAudit.Result dbAudit) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("target", config.target().toString());
    cfg.put("mode", config.mode().name().toLowerCase());
    if (config.mode() == BenchConfig.Mode.OPEN) {
      cfg.put("rate", config.rate());
    }
    cfg.put("users", config.users());
    cfg.put("durationSeconds", config.duration().toMillis() / 1000.0);
    cfg.put("warmupSeconds", config.warmup().toMillis() / 1000.0);
    cfg.put("mix", config.mix().toString());
    cfg.put("seed", config.seed());
    root.put("config", cfg);
    root.put("machine", machine());
    root.put("startedAt", startedAt.toString());
    double seconds = config.duration().toMillis() / 1000.0;
    root.put("total", figures(m.total(), statusesOfAll(m), seconds));
    root.put("admitted", admitted(m.admitted(), seconds));
    Map<String, Object> actions = new LinkedHashMap<>();
    for (Action a : Action.values()) {
      if (m.histogram(a).getTotalCount() > 0 || config.mix().weights().containsKey(a)) {
        actions.put(a.label(), figures(m.histogram(a), m.statuses(a), seconds));
      }
    }
    root.put("actions", actions);
    List<Map<String, Object>> series = new ArrayList<>();
    long last = (long) Math.ceil(seconds) - 1;
    for (long s = 0; s <= last; s++) {
      Measurements.SecondView v = m.second(s);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("second", s + 1);
      point.put("throughput", v.count());
      point.put("errors", v.errors());
      point.put("p99Ms", round(v.p99Millis()));
      series.add(point);
    }
    root.put("series", series);
    List<Map<String, Object>> percentiles = new ArrayList<>();
    for (double p : new double[] {0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100}) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("percentile", p);
      point.put("ms", m.total().getTotalCount() == 0 ? 0 : round(m.total().getValueAtPercentile(p) / 1000.0));
      percentiles.add(point);
    }
    root.put("percentiles", percentiles);
    root.put("audit", audit.asMap());
    if (dbAudit != null) {
      root.put("dbAudit", dbAudit.asMap());
    }
    return root;
  }

  /** Whether every audit the run did (through the API, and through the database when asked) passed. */
  static boolean auditPassed(Map<String, Object> result) {
    for (String key : new String[] {"audit", "dbAudit"}) {
      if (result.get(key) instanceof Map<?, ?> a && !Boolean.TRUE.equals(a.get("passed"))) {
        return false;
      }
    }
    return true;
  }

  private static Map<Integer, Long> statusesOfAll(Measurements m) {
    Map<Integer, Long> all = new java.util.TreeMap<>();
    for (Action a : Action.values()) {
      m.statuses(a).forEach((k, v) -> all.merge(k, v, Long::sum));
    }
    return all;
  }

  /** Goodput (answers without an error per second) and the latency of those answers alone. */
  static Map<String, Object> admitted(Histogram h, double seconds) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("count", h.getTotalCount());
    f.put("goodput", round(h.getTotalCount() / seconds));
    f.put("p50Ms", ms(h, 50));
    f.put("p99Ms", ms(h, 99));
    return f;
  }

  static Map<String, Object> figures(Histogram h, Map<Integer, Long> statuses, double seconds) {
    Map<String, Object> f = new LinkedHashMap<>();
    long count = h.getTotalCount();
    long errors = statuses.entrySet().stream().filter(e -> Measurements.isError(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    f.put("count", count);
    f.put("errors", errors);
    f.put("errorRate", count == 0 ? 0.0 : round(errors / (double) count));
    Map<String, Long> byStatus = new LinkedHashMap<>();
    statuses.forEach((k, v) -> byStatus.put(k == Measurements.NO_ANSWER ? "no-answer" : String.valueOf(k), v));
    f.put("statuses", byStatus);
    Map<String, Long> errorsByStatus = new LinkedHashMap<>();
    statuses.forEach((k, v) -> {
      if (Measurements.isError(k)) {
        errorsByStatus.put(k == Measurements.NO_ANSWER ? "no-answer" : String.valueOf(k), v);
      }
    });
    f.put("errorsByStatus", errorsByStatus);
    f.put("throughput", round(count / seconds));
    f.put("p50Ms", ms(h, 50));
    f.put("p90Ms", ms(h, 90));
    f.put("p99Ms", ms(h, 99));
    f.put("p999Ms", ms(h, 99.9));
    f.put("maxMs", count == 0 ? 0.0 : round(h.getMaxValue() / 1000.0));
    return f;
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0.0 : round(h.getValueAtPercentile(percentile) / 1000.0);
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nproc", Runtime.getRuntime().availableProcessors());
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      m.put("totalMemoryBytes", os.getTotalMemorySize());
    }
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vendor") + ")");
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    return m;
  }
}
