package com.bazaar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** report.html: one self-contained page, charts as inline SVG drawn here (no scripts, nothing fetched). */
public final class HtmlReport {

  private static final int W = 640;
  private static final int H = 260;
  private static final int PAD_L = 60;
  private static final int PAD_R = 20;
  private static final int PAD_T = 30;
  private static final int PAD_B = 40;

  private HtmlReport() {}

  /** Each host's CPU in the measured window (bin/evolution --hosts), and the load tool's. */
  @SuppressWarnings("unchecked")
  private static void hostsSection(StringBuilder h, Map<String, Object> acc) {
    h.append("<h2>CPU by host</h2>\n<p>").append(esc(acc.get("requests") + " requests in " + acc.get("windowMs")
        + " ms; CFS period " + acc.get("periodMicros") + " µs; warm-up " + acc.get("warmup"))).append("</p>\n");
    h.append("<table><tr><th>host</th><th>size</th><th>CPU ms</th><th>CPU ms / request</th><th>utilisation of quota</th>")
        .append("<th>throttled periods</th><th>processes' own CPU ms</th></tr>\n");
    for (Map<String, Object> host : (List<Map<String, Object>>) acc.get("hosts")) {
      h.append("<tr><td>").append(esc(String.valueOf(host.get("name")))).append("</td><td>").append(esc(String.valueOf(host.get("size"))))
          .append("</td><td>").append(host.get("cpuMs")).append("</td><td>").append(host.get("cpuMsPerRequest"))
          .append("</td><td>").append(String.format(java.util.Locale.ROOT, "%.0f%%", 100 * ((Number) host.get("utilisation")).doubleValue()))
          .append("</td><td>").append(host.get("throttledPeriods")).append(" / ").append(host.get("periods"))
          .append("</td><td>").append(host.get("processCpuMs")).append("</td></tr>\n");
    }
    Map<String, Object> tool = (Map<String, Object>) acc.get("loadTool");
    h.append("<tr><td>load tool (no host)</td><td>—</td><td>").append(tool.get("cpuMs")).append("</td><td>")
        .append(tool.get("cpuMsPerRequest")).append("</td><td>").append(tool.get("cores")).append(" cores</td><td>—</td><td>—</td></tr>\n");
    h.append("</table>\n");
  }

  @SuppressWarnings("unchecked")
  public static String render(Map<String, Object> result) {
    Map<String, Object> config = (Map<String, Object>) result.get("config");
    Map<String, Object> machine = (Map<String, Object>) result.get("machine");
    Map<String, Object> total = (Map<String, Object>) result.get("total");
    Map<String, Map<String, Object>> actions = (Map<String, Map<String, Object>>) result.get("actions");
    List<Map<String, Object>> series = (List<Map<String, Object>>) result.get("series");
    List<Map<String, Object>> percentiles = (List<Map<String, Object>>) result.get("percentiles");
    Map<String, Object> audit = (Map<String, Object>) result.get("audit");

    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Bazaar load run</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1000px}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right;overflow-wrap:anywhere}")
        // a phone scrolls a wide table in its own box instead of the whole page sideways
        .append("@media (max-width:600px){body{margin:0.5em}table{display:block;overflow-x:auto}}")
        .append("th:first-child,td:first-child{text-align:left}.pass{color:#070}.fail{color:#b00}")
        .append("svg{display:block;margin:1em 0;background:#fafafa;border:1px solid #ddd}")
        .append("</style></head><body>\n");
    h.append("<h1>Bazaar load run</h1>\n<p>").append(esc(String.valueOf(result.get("startedAt")))).append(" · ")
        .append(esc(config.toString())).append("</p>\n<p>machine: ").append(esc(machine.toString())).append("</p>\n");
    auditSection(h, "Audit through the API", audit);
    if (result.get("dbAudit") instanceof Map<?, ?> dbAudit) {
      auditSection(h, "Audit through the database", (Map<String, Object>) dbAudit);
    }
    h.append("<h2>Summary</h2>\n<table><tr><th>action</th><th>count</th><th>errors</th><th>errors by status</th><th>req/s</th>")
        .append("<th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th></tr>\n");
    actions.forEach((name, f) -> row(h, name, f));
    row(h, "all", total);
    h.append("</table>\n");
    if (result.get("hosts") instanceof Map<?, ?> hosts) {
      hostsSection(h, (Map<String, Object>) hosts);
    }

    List<double[]> tput = new ArrayList<>();
    List<double[]> p99 = new ArrayList<>();
    for (Map<String, Object> s : series) {
      double x = ((Number) s.get("second")).doubleValue();
      tput.add(new double[] {x, ((Number) s.get("throughput")).doubleValue()});
      p99.add(new double[] {x, ((Number) s.get("p99Ms")).doubleValue()});
    }
    h.append("<h2>Throughput over time</h2>\n").append(chart(tput, "second", "completed / s", false));
    h.append("<h2>p99 latency over time</h2>\n").append(chart(p99, "second", "p99 ms", false));
    List<double[]> pct = new ArrayList<>();
    for (Map<String, Object> p : percentiles) {
      double q = ((Number) p.get("percentile")).doubleValue();
      if (q < 100) {
        pct.add(new double[] {-Math.log10(1 - q / 100), ((Number) p.get("ms")).doubleValue()});
      }
    }
    h.append("<h2>Latency by percentile</h2>\n").append(chart(pct, "percentile", "ms", true));
    h.append("<p>Latency is measured from each request's intended start (open mode), so queueing behind a slow server counts.</p>\n");
    h.append("</body></html>\n");
    return h.toString();
  }

  @SuppressWarnings("unchecked")
  private static void auditSection(StringBuilder h, String title, Map<String, Object> audit) {
    boolean passed = Boolean.TRUE.equals(audit.get("passed"));
    h.append("<h2>").append(esc(title)).append(": <span class=\"").append(passed ? "pass\">passed" : "fail\">FAILED")
        .append("</span></h2>\n<table>");
    audit.forEach((k, v) -> {
      if (!"problems".equals(k) && !"passed".equals(k)) {
        h.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(String.valueOf(v))).append("</td></tr>");
      }
    });
    h.append("</table>\n");
    for (Object p : (List<Object>) audit.get("problems")) {
      h.append("<p class=\"fail\">").append(esc(String.valueOf(p))).append("</p>\n");
    }
  }

  private static void row(StringBuilder h, String name, Map<String, Object> f) {
    h.append("<tr><td>").append(esc(name)).append("</td>");
    for (String k : new String[] {"count", "errors", "errorsByStatus", "throughput", "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs"}) {
      h.append("<td>").append(esc(String.valueOf(f.get(k)))).append("</td>");
    }
    h.append("</tr>\n");
  }

  /** A line chart of (x, y) points; {@code percentileAxis} labels x = -log10(1-p) as percentiles. */
  static String chart(List<double[]> points, String xLabel, String yLabel, boolean percentileAxis) {
    double maxX = 1;
    double maxY = 0;
    for (double[] p : points) {
      maxX = Math.max(maxX, p[0]);
      maxY = Math.max(maxY, p[1]);
    }
    maxY = niceCeiling(maxY);
    double plotW = W - PAD_L - PAD_R;
    double plotH = H - PAD_T - PAD_B;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-size=\"11\">", W, H, W, H));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", PAD_L, H - PAD_B, W - PAD_R, H - PAD_B));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", PAD_L, PAD_T, PAD_L, H - PAD_B));
    for (int i = 0; i <= 4; i++) {
      double v = maxY * i / 4;
      double y = H - PAD_B - plotH * i / 4;
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", PAD_L, y, W - PAD_R, y));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", PAD_L - 4, y + 4, fmt(v)));
    }
    if (percentileAxis) {
      String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%"};
      for (int i = 0; i < labels.length && i <= maxX; i++) {
        double x = PAD_L + plotW * i / maxX;
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, H - PAD_B + 14, labels[i]));
      }
    } else {
      for (int i = 0; i <= 5; i++) {
        double v = maxX * i / 5;
        double x = PAD_L + plotW * i / 5;
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, H - PAD_B + 14, fmt(v)));
      }
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", PAD_L + (int) plotW / 2, H - 6, esc(xLabel)));
    s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>", PAD_T + (int) plotH / 2, PAD_T + (int) plotH / 2, esc(yLabel)));
    if (!points.isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (double[] p : points) {
        double x = PAD_L + plotW * p[0] / maxX;
        double y = H - PAD_B - (maxY == 0 ? 0 : plotH * p[1] / maxY);
        path.append(path.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
      }
      s.append("<polyline fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"2\" points=\"").append(path).append("\"/>");
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= v) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
