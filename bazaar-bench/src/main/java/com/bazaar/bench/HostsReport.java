package com.bazaar.bench;

import com.bazaar.bench.host.HostSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The experiments' part of the evolution report: the goal table, and per experiment its variants' hosts and CPU. */
final class HostsReport {

  /**
   * One experiment's run: the variants' results (by id, each its median run), why others have
   * none, the figure from the median runs, and the figure's spread over the repetitions.
   */
  record Outcome(Experiments.Experiment experiment, Map<String, Map<String, Object>> results, Map<String, String> skipped,
                 Experiments.Finding finding, Optional<Experiments.Spread> spread) {}

  /** The run's host setting, for the header. */
  record Setting(String cgroups, long periodMicros, HostSize size, HostSize supportSize, HostSize saturatedSize,
                 String loadAverage, int repeats) {

    /** The machine under the hosts, as the load tool's results describe it. */
    static String machine() {
      Map<String, Object> m = Results.machine();
      return m.get("nproc") + " cores, " + (((Number) m.getOrDefault("totalMemoryBytes", 0L)).longValue() >> 30) + " GiB, "
          + m.get("java") + ", " + m.get("os");
    }
  }

  private static final String[] GOALS = {"stage", "figure", "goal", "measured", "per repetition min / median / max", "verdict"};
  private static final String[] VARIANTS = {
      "variant", "hosts", "req/s (min–max)", "p99 ms", "CPU ms per request by host (utilisation of its quota)", "load tool ms/request",
      "projected req/s (bottleneck)", "projection error", "audit (API / database)"};

  private HostsReport() {}

  static String markdown(List<Outcome> outcomes, Setting setting, BenchConfig load, List<Integer> clusterSizes,
                         Path reportDir) {
    StringBuilder md = new StringBuilder("## What each stage buys, in hosts\n\n");
    md.append(header(setting, load)).append("\n\n");
    md.append(row(GOALS)).append(rule(GOALS.length));
    for (Outcome o : outcomes) {
      md.append(row(goalCells(o).toArray(String[]::new)));
    }
    for (Outcome o : outcomes) {
      Experiments.Experiment e = o.experiment();
      md.append("\n### ").append(e.title()).append("\n\n").append(capitalised(e.question())).append(".\n\n");
      md.append(row(VARIANTS)).append(rule(VARIANTS.length));
      for (Experiments.Variant v : e.variants()) {
        List<String> cells = new ArrayList<>(variantCells(o, v));
        String href = report(o, v, reportDir);
        cells.set(0, href == null ? cells.get(0) : "[" + cells.get(0) + "](" + href + ")");
        md.append(row(cells.toArray(String[]::new)));
      }
      md.append("\n").append(o.finding().how()).append(".\n");
      if ("cluster".equals(e.id())) {
        md.append(clusterProjection(o, setting, clusterSizes));
      }
    }
    md.append("\nEach variant's full report (per-action figures, charts, audits, and `hosts` in result.json) is in\n")
        .append("`target/evolution/<variant>/[run-N/]report.html` after a run; a variant's name links to its median run's.\n")
        .append("Reproduce with `bin/evolution --hosts`.\n");
    return md.toString();
  }

  static String html(List<Outcome> outcomes, Setting setting, BenchConfig load, List<Integer> clusterSizes, Path reportDir) {
    StringBuilder h = new StringBuilder("<h2>What each stage buys, in hosts</h2>\n<p>")
        .append(HtmlReport.esc(header(setting, load))).append("</p>\n");
    h.append(table(GOALS, outcomes.stream().map(HostsReport::goalCells).toList(), List.of()));
    for (Outcome o : outcomes) {
      Experiments.Experiment e = o.experiment();
      h.append("<h3>").append(HtmlReport.esc(e.title())).append("</h3>\n<p>").append(HtmlReport.esc(capitalised(e.question())))
          .append(".</p>\n");
      h.append(table(VARIANTS, e.variants().stream().map(v -> variantCells(o, v)).toList(),
          e.variants().stream().map(v -> report(o, v, reportDir)).toList()));
      h.append("<p>").append(HtmlReport.esc(o.finding().how())).append(".</p>\n");
      h.append(charts(o));
      if ("cluster".equals(e.id())) {
        h.append("<pre>").append(HtmlReport.esc(clusterProjection(o, setting, clusterSizes))).append("</pre>\n");
      }
    }
    return h.toString();
  }

  /** Plain text for the console. */
  static String console(List<Outcome> outcomes) {
    StringBuilder sb = new StringBuilder("\nwhat each stage buys, in hosts\n");
    for (Outcome o : outcomes) {
      List<String> c = goalCells(o);
      sb.append(String.format(Locale.ROOT, "  %-22s %-58s goal %-8s measured %-8s %s; by repetition %s%n", c.get(0), c.get(1),
          c.get(2), c.get(3), c.get(5), c.get(4)));
      for (Experiments.Variant v : o.experiment().variants()) {
        List<String> vc = variantCells(o, v);
        sb.append(String.format(Locale.ROOT, "    %-28s %8s req/s  %s  tool %s ms/req  projected %s (%s)%n", vc.get(0), vc.get(2),
            vc.get(4), vc.get(5), vc.get(6), vc.get(7)));
      }
    }
    return sb.toString();
  }

  static String header(Setting s, BenchConfig load) {
    return "Machine: " + Setting.machine() + ". Each host is a Linux control group (" + s.cgroups() + ") with a CPU quota and a memory limit, under one group "
        + "named after the run; the compared hosts are " + s.size() + " each, hosts that should not be the bottleneck "
        + "(Redis, nginx, the database behind the cluster, the app of the replica and sharding experiments) "
        + s.supportSize() + ", the database hosts the replica and sharding experiments saturate " + s.saturatedSize()
        + ". CFS period "
        + s.periodMicros() / 1000.0 + " ms; each app JVM runs with -XX:ActiveProcessorCount="
        + Hosting.activeProcessors(s.size()) + " (its host's whole CPUs, at least one). Warm-up: every host ran without "
        + "its quota during the warm-up, and the quota applied when the " + load.duration().toSeconds()
        + " s measured window opened; a deployment's first run was warmed " + load.warmup().toSeconds()
        + " s per app JVM (the JIT warms with the requests each node serves, and N nodes behind nginx each serve a "
        + "share), each later run " + Evolution.warmupOf(2, load.warmup(), 1).toSeconds() + " s. Workload: "
        + (load.mode() == BenchConfig.Mode.OPEN ? "open at " + load.rate() + " req/s" : "closed, " + load.users() + " shoppers")
        + ", mix " + load.mix() + " unless the experiment says otherwise. The load tool runs outside every host, on the "
        + "same machine; its own CPU is in every table. Load average when the run started: " + s.loadAverage()
        + ". Each variant ran " + s.repeats() + " measured time" + (s.repeats() == 1 ? "" : "s")
        + " on one deployment; its row is the run of median good answers/s (of median req/s in the cache, "
        + "flash-sale and protection experiments), its req/s with every run's min–max beside it, the measured figure is "
        + "taken from those median runs, and beside it the figure once per repetition (the variants' r-th runs together) "
        + "as min / median / max. The figures still carry the machine's noise: other processes share its cores, so "
        + "read a spread, not a single digit, and compare within one run only. "
        + "A projection is each role's CPUs × 1000 / its measured CPU ms per request, the smallest deciding; its error "
        + "is against the throughput measured at the same sizes, every answer counted (refusals cost CPU too).";
  }

  private static List<String> goalCells(Outcome o) {
    Experiments.Goal g = o.experiment().goal();
    Double v = o.finding().value();
    return List.of(o.experiment().title(), g.figure(), (g.atLeast() ? "≥ " : "≤ ") + fmt2(g.target()),
        v == null ? "—" : Experiments.times(v), o.spread().map(Experiments.Spread::text).orElse("—"),
        v == null ? "no figure: " + o.finding().how()
            : !g.met(v) ? "MISSED (the bottleneck of each variant is below)"
            : o.finding().secondMet() ? "met" : "MISSED: the p99 part of the goal (below)");
  }

  @SuppressWarnings("unchecked")
  private static List<String> variantCells(Outcome o, Experiments.Variant v) {
    Map<String, Object> r = o.results().get(v.id());
    if (r == null) {
      return List.of(v.label(), "—", "—", "—", "—", "—", "—", "—", o.skipped().getOrDefault(v.id(), "not run"));
    }
    Map<String, Object> total = (Map<String, Object>) r.get("total");
    Map<String, Object> acc = (Map<String, Object>) r.get("hosts");
    List<String> sizes = new ArrayList<>();
    List<String> costs = new ArrayList<>();
    for (Map<String, Object> h : Experiments.hosts(r)) {
      sizes.add(h.get("role") + " " + h.get("size"));
      costs.add(String.format(Locale.ROOT, "%s %s (%.0f%%)", h.get("role"),
          Experiments.fmt(((Number) h.get("cpuMsPerRequest")).doubleValue()),
          100 * ((Number) h.get("utilisation")).doubleValue()));
    }
    String tool = acc == null ? "—" : Experiments.fmt(((Number) ((Map<String, Object>) acc.get("loadTool")).get("cpuMsPerRequest")).doubleValue());
    // every answer, not the good ones: the CPU per request is per answer, 503s and 409s included, so the
    // projection is of answers too
    double measured = Experiments.throughput(r);
    Optional<Experiments.Projection> p = Experiments.projectSelf(r);
    String audit = verdict(r.get("audit")) + " / " + (r.containsKey("dbAudit") ? verdict(r.get("dbAudit")) : "not asked");
    return List.of(v.label() + (v.mix().isPresent() ? " (mix " + v.mix().get() + ")" : ""), String.join(", ", sizes),
        Experiments.throughputSpread(r), Evolution.fmt(((Number) total.get("p99Ms")).doubleValue()), String.join(", ", costs), tool,
        p.map(x -> Evolution.fmt(x.throughput()) + " (" + x.bottleneck() + ")").orElse("—"),
        p.map(x -> error(x.throughput(), measured)).orElse("—"), audit);
  }

  /** From the one-app-host variant's costs: every measured cluster size beside its projection, and larger ones. */
  private static String clusterProjection(Outcome o, Setting s, List<Integer> measuredSizes) {
    Map<String, Object> one = o.results().get("cluster-1");
    if (one == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\nProjected from the one-app-host variant's CPU costs (other hosts as measured):\n\n");
    List<Integer> sizes = new ArrayList<>(measuredSizes);
    for (int n : List.of(8, 16, 32)) {
      if (!sizes.contains(n)) {
        sizes.add(n);
      }
    }
    for (int n : sizes) {
      Optional<Experiments.Projection> p = Experiments.projectApps(one, n, s.size(), s.periodMicros());
      if (p.isEmpty()) {
        continue;
      }
      Map<String, Object> measured = o.results().get("cluster-" + n);
      sb.append("- ").append(n).append(" app host").append(n == 1 ? "" : "s").append(": projected ")
          .append(Evolution.fmt(p.get().throughput())).append(" req/s (bottleneck ").append(p.get().bottleneck()).append(")");
      if (measured != null) {
        double m = Experiments.throughput(measured); // every answer, as the CPU per request is counted
        sb.append(", measured ").append(Evolution.fmt(m)).append(" req/s, error ").append(error(p.get().throughput(), m));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String error(double projected, double measured) {
    return measured == 0 ? "—" : String.format(Locale.ROOT, "%+.0f%%", 100 * (projected - measured) / measured);
  }

  private static String verdict(Object audit) {
    return audit instanceof Map<?, ?> a && Boolean.TRUE.equals(a.get("passed")) ? "passed" : "FAILED";
  }

  /** The relative link to the variant's median run's report.html, when that run left one. */
  static String report(Outcome o, Experiments.Variant v, Path reportDir) {
    Map<String, Object> r = o.results().get(v.id());
    return r != null && r.get("reportHtml") instanceof String path ? Evolution.href(reportDir, Path.of(path)) : null;
  }

  /**
   * Charts where a table of two numbers hides the shape: the storm's front per variant, and the
   * protection run's offered load against what was answered.
   */
  @SuppressWarnings("unchecked")
  static String charts(Outcome o) {
    StringBuilder h = new StringBuilder();
    List<Experiments.Variant> storms = o.experiment().variants().stream()
        .filter(v -> v.measure() == Experiments.Measure.STORM && o.results().containsKey(v.id())).toList();
    if (!storms.isEmpty()) {
      h.append("<h4>Purchases answered/s at the storm's front</h4>\n").append(SvgBars.svg(storms.stream()
          .map(v -> new SvgBars.Bar(v.label(), Experiments.throughput(o.results().get(v.id())), storms.indexOf(v) == 0))
          .toList()));
      h.append("<h4>Storm p99 (ms)</h4>\n").append(SvgBars.svg(storms.stream()
          .map(v -> new SvgBars.Bar(v.label(), Experiments.p99(o.results().get(v.id())), storms.indexOf(v) == 0))
          .toList()));
    }
    for (Experiments.Variant v : o.experiment().variants()) {
      Map<String, Object> r = o.results().get(v.id());
      if (v.measure() != Experiments.Measure.OVERLOAD || r == null || !(r.get("protection") instanceof Map<?, ?>)) {
        continue;
      }
      Map<String, Object> p = (Map<String, Object>) r.get("protection");
      Map<String, Object> at = (Map<String, Object>) p.get("atCapacity");
      Map<String, Object> over = (Map<String, Object>) p.get("overload");
      String times = Experiments.fmt(((Number) p.get("factor")).doubleValue()) + "× capacity";
      h.append("<h4>Offered and answered (req/s)</h4>\n").append(SvgBars.svg(List.of(
          new SvgBars.Bar("offered at capacity", number(at, "rate"), true),
          new SvgBars.Bar("goodput at capacity", number(at, "goodput"), false),
          new SvgBars.Bar("offered at " + times, number(over, "rate"), true),
          new SvgBars.Bar("goodput at " + times, number(over, "goodput"), false))));
      h.append("<h4>Admitted p99 (ms)</h4>\n").append(SvgBars.svg(List.of(
          new SvgBars.Bar("at capacity", number(at, "admittedP99Ms"), true),
          new SvgBars.Bar("at " + times, number(over, "admittedP99Ms"), false))));
    }
    return h.toString();
  }

  private static double number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  /** An HTML table; the first cell of row i links to {@code links.get(i)} where there is one. */
  private static String table(String[] header, List<List<String>> rows, List<String> links) {
    StringBuilder h = new StringBuilder("<table><tr>");
    for (String c : header) {
      h.append("<th>").append(HtmlReport.esc(c)).append("</th>");
    }
    h.append("</tr>\n");
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      String link = i < links.size() ? links.get(i) : null;
      h.append("<tr>");
      for (int j = 0; j < r.size(); j++) {
        String c = HtmlReport.esc(r.get(j));
        h.append("<td>").append(j == 0 && link != null ? "<a href=\"" + HtmlReport.esc(link) + "\">" + c + "</a>" : c)
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    return h.append("</table>\n").toString();
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", List.of(cells).stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
  }

  private static String rule(int n) {
    return "|" + "---|".repeat(n) + "\n";
  }

  private static String fmt2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
