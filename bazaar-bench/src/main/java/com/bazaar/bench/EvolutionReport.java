package com.bazaar.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The evolution's comparison: one row per stage, ratios to stage 0 and to the naive baseline. */
final class EvolutionReport {

  private static final String[] HEADER = {
      "stage", "what it adds", "req/s", "× stage 0", "p50 ms", "p99 ms", "failed (5xx, no answer)", "shed (503, 429)",
      "refused (other 4xx)", "audit (API / database)"};

  private static final String[] STORM_HEADER = {
      "stage", "purchases/s at the front", "× naive", "p99 ms", "orders/s behind", "orders / units", "invariants"};

  /** What one box can show, said in the markdown and the HTML alike. */
  static final String CAVEAT = "Read it for what one box can show: every stage keeps the invariants (both audits, the "
      + "storm's), and what each step costs when its new parts (more JVMs, nginx, Redis, RabbitMQ, a second MariaDB, "
      + "ShardingSphere's routing) share the same cores. The load tool ran on the same machine, so every stage shares "
      + "its cores with it, and with whatever else the machine ran: the figures carry that noise. The capacity a step "
      + "buys needs hosts of its own: bin/evolution --hosts measures it in cgroup hosts (docs/benchmarks.md, \"Hosts\").";

  /** Why the stage numbers have gaps: they are the growth path's (docs/architecture.md), not a count. */
  static final String STAGE_NUMBERS = "Stage numbers are those of the growth path in docs/architecture.md. Stages "
      + "without a run of their own come with another: 4 (sessions in Redis) with 2, 6 (search, a Lucene index per "
      + "node) and 7 (edge cache) with 3, 10 (distributed ids) with 3 and 9, 12 and 13 (flash sale, protection) with "
      + "11; 14 (services) runs here with its hop also priced apart (hop-cost, docs/services.md), and has no hosts "
      + "experiment yet; 15 (observability) adds no load-bearing part.";

  private EvolutionReport() {}

  /** "title" linked to the stage's own report, where the run left one. */
  private static String mdLink(String text, String href) {
    return href == null ? text : "[" + text + "](" + href + ")";
  }

  private static String htmlLink(String text, String href) {
    return href == null ? HtmlReport.esc(text) : "<a href=\"" + HtmlReport.esc(href) + "\">" + HtmlReport.esc(text) + "</a>";
  }

  /** One stage's figures, or why there are none. */
  record Row(String id, String title, String adds, boolean baseline, Double throughput, Double p50, Double p99,
             Double failedRate, Double shedRate, Double refusedRate, String audit, Map<String, Object> storm,
             String skipped) {

    boolean ran() {
      return throughput != null;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Row> rows(List<Evolution.Outcome> outcomes) {
    List<Row> rows = new ArrayList<>();
    for (Evolution.Outcome o : outcomes) {
      Stage s = o.stage();
      if (o.result() == null) {
        rows.add(new Row(s.id(), s.title(), s.adds(), s.baseline(), null, null, null, null, null, null, null, null,
            o.skipped()));
        continue;
      }
      Map<String, Object> total = (Map<String, Object>) o.result().get("total");
      String audit = verdict(o.result().get("audit")) + " / "
          + (o.result().containsKey("dbAudit") ? verdict(o.result().get("dbAudit")) : "not asked");
      Map<String, Number> statuses = (Map<String, Number>) total.get("statuses");
      double count = Math.max(1, number(total, "count"));
      double failed = 0;
      double shed = 0;
      double refused = 0;
      for (Map.Entry<String, Number> e : statuses.entrySet()) {
        int status = statusOf(e.getKey());
        double n = e.getValue().doubleValue();
        if (status == 503 || status == 429) {
          shed += n;
        } else if (status >= 400 && status < 500) {
          refused += n;
        } else if (Measurements.isError(status)) {
          failed += n;
        }
      }
      rows.add(new Row(s.id(), s.title(), s.adds(), s.baseline(), number(total, "throughput"), number(total, "p50Ms"),
          number(total, "p99Ms"), failed / count, shed / count, refused / count, audit,
          (Map<String, Object>) o.result().get("flashStorm"), null));
    }
    return rows;
  }

  private static int statusOf(String key) {
    return key.chars().allMatch(Character::isDigit) ? Integer.parseInt(key) : Measurements.NO_ANSWER;
  }

  private static String verdict(Object audit) {
    return audit instanceof Map<?, ?> a && Boolean.TRUE.equals(a.get("passed")) ? "passed" : "FAILED";
  }

  private static Double number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  private static Double stageZero(List<Row> rows) {
    return rows.stream().filter(r -> r.ran() && !r.baseline()).findFirst().map(Row::throughput).orElse(null);
  }

  private static List<String> cells(Row r, Double zero) {
    if (!r.ran()) {
      return List.of(r.title(), r.adds(), "—", "—", "—", "—", "—", "—", "—", "skipped: " + r.skipped());
    }
    String ratio = zero == null || zero == 0 ? "—" : "×" + String.format(Locale.ROOT, "%.2f", r.throughput() / zero);
    return List.of(r.title(), r.adds(), Evolution.fmt(r.throughput()), ratio, Evolution.fmt(r.p50()),
        Evolution.fmt(r.p99()), percent(r.failedRate()), percent(r.shedRate()), percent(r.refusedRate()), r.audit());
  }

  private static Double naiveStorm(List<Row> rows) {
    return rows.stream().filter(r -> r.baseline() && r.storm() != null).findFirst()
        .map(r -> number(r.storm(), "purchasesPerSecond")).orElse(null);
  }

  private static List<String> stormCells(Row r, Double naive) {
    Map<String, Object> st = r.storm();
    double rate = number(st, "purchasesPerSecond");
    String ratio = naive == null || naive == 0 ? "—" : "×" + String.format(Locale.ROOT, "%.2f", rate / naive);
    return List.of(r.title(), Evolution.fmt(rate), ratio, Evolution.fmt(number(st, "p99Ms")),
        Evolution.fmt(number(st, "ordersPerSecond")), st.get("orders") + " / " + st.get("units"),
        Boolean.TRUE.equals(st.get("invariantsHold")) ? "hold" : "BROKEN");
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * rate);
  }

  /** Plain text for the console. */
  static String table(List<Evolution.Outcome> outcomes) {
    List<Row> rows = rows(outcomes);
    Double zero = stageZero(rows);
    StringBuilder sb = new StringBuilder("\nevolution\n");
    for (Row r : rows) {
      List<String> c = cells(r, zero);
      sb.append(String.format(Locale.ROOT,
          "  %-22s %8s req/s %7s  p50 %7s ms  p99 %7s ms  failed %6s  shed %6s  refused %6s  audit %s%n",
          c.get(0), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7), c.get(8), c.get(9)));
      if (r.storm() != null) {
        List<String> st = stormCells(r, naiveStorm(rows));
        sb.append(String.format(Locale.ROOT, "  %-22s flash storm %s purchases/s %s, p99 %s ms, %s orders/s, %s, invariants %s%n",
            "", st.get(1), st.get(2), st.get(3), st.get(4), st.get(5), st.get(6)));
      }
    }
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static String machine(List<Evolution.Outcome> outcomes) {
    return outcomes.stream().filter(o -> o.result() != null).findFirst()
        .map(o -> (Map<String, Object>) o.result().get("machine"))
        .map(m -> m.get("nproc") + " cores, " + (((Number) m.getOrDefault("totalMemoryBytes", 0L)).longValue() >> 30)
            + " GiB, " + m.get("java") + ", " + m.get("os"))
        .orElse("no stage ran");
  }

  private static String workload(BenchConfig load) {
    return (load.mode() == BenchConfig.Mode.OPEN ? "open at " + load.rate() + " req/s" : "closed, " + load.users() + " shoppers")
        + ", mix " + load.mix() + ", warm-up " + load.warmup().toSeconds() + " s, measured " + load.duration().toSeconds() + " s";
  }

  static String markdown(List<Evolution.Outcome> outcomes, BenchConfig load, Instant at, Function<String, String> reportOf) {
    List<Row> rows = rows(outcomes);
    Double zero = stageZero(rows);
    StringBuilder md = new StringBuilder();
    if (rows.isEmpty()) { // bin/evolution --hosts without --stages: only the experiments follow
      return md.append("# The evolution, measured\n\nWritten by `bin/evolution --hosts` on ").append(at)
          .append(": the experiments only, no same-workload stage table (add `--stages` for it).\n\n")
          .append(STAGE_NUMBERS).append('\n').toString();
    }
    md.append("# The evolution, measured\n\n")
        .append("Written by `bin/evolution` on ").append(at).append(". Every stage ran the same workload on a fresh\n")
        .append("deployment, one after another, in one run on one machine: ").append(machine(outcomes)).append(".\n")
        .append(CAVEAT).append("\n\n").append(STAGE_NUMBERS).append("\n\n")
        .append("Workload: ").append(workload(load)).append(".\n\n");
    md.append("| ").append(String.join(" | ", HEADER)).append(" |\n|");
    md.append("---|".repeat(HEADER.length)).append('\n');
    for (Row r : rows) {
      List<String> c = new ArrayList<>(cells(r, zero).stream().map(x -> x.replace("|", "\\|")).toList());
      c.set(0, mdLink(c.get(0), r.ran() ? reportOf.apply(r.id()) : null));
      md.append("| ").append(String.join(" | ", c)).append(" |\n");
    }
    md.append('\n');
    rows.stream().filter(r -> r.baseline() && r.ran() && r.throughput() > 0).forEach(base ->
        rows.stream().filter(r -> r.ran() && !r.baseline()).forEach(r -> md.append("- ").append(r.title())
            .append(" against ").append(base.title()).append(": ×")
            .append(String.format(Locale.ROOT, "%.2f", r.throughput() / base.throughput())).append(" throughput, p99 ")
            .append(Evolution.fmt(r.p99())).append(" ms vs ").append(Evolution.fmt(base.p99())).append(" ms\n")));
    List<Row> stormed = rows.stream().filter(r -> r.ran() && r.storm() != null).toList();
    if (!stormed.isEmpty()) {
      Map<String, Object> first = stormed.get(0).storm();
      md.append("\n## Flash-sale storm\n\nAfter the mix, at each stage: ").append(first.get("buyers"))
          .append(" fresh buyers press buy at once on a sale of ").append(first.get("units"))
          .append(" units, limit 1 each (200 in flight). The front is how fast purchases are answered; behind is")
          .append(" how fast orders are created until every accepted ticket is settled.\n\n");
      md.append("| ").append(String.join(" | ", STORM_HEADER)).append(" |\n|").append("---|".repeat(STORM_HEADER.length)).append('\n');
      Double naive = naiveStorm(rows);
      for (Row r : stormed) {
        md.append("| ").append(String.join(" | ", stormCells(r, naive))).append(" |\n");
      }
    }
    md.append("\nEach stage's full report (per-action figures, charts over time, percentile plot, audits) is in\n")
        .append("`target/evolution/<stage>/report.html` after a run (the stage names above link there); `docs/evolution.html`\n")
        .append("shows this table, and the storm's, as charts.\n")
        .append("Reproduce with `bin/evolution` (options: `bin/evolution --help`).\n");
    return md.toString();
  }

  static String html(List<Evolution.Outcome> outcomes, BenchConfig load, Instant at, Function<String, String> reportOf) {
    List<Row> rows = rows(outcomes);
    Double zero = stageZero(rows);
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Bazaar: the evolution, measured</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right;overflow-wrap:anywhere}")
        // a phone scrolls a wide table in its own box instead of the whole page sideways
        .append("@media (max-width:600px){body{margin:0.5em}table{display:block;overflow-x:auto}}")
        .append("td:nth-child(-n+2),th:nth-child(-n+2){text-align:left}svg{display:block;margin:1em 0;background:#fafafa;border:1px solid #ddd}")
        .append("</style></head><body>\n<h1>The evolution, measured</h1>\n<p>")
        .append(HtmlReport.esc(at.toString())).append(" · ").append(HtmlReport.esc(machine(outcomes))).append(" · ")
        .append(HtmlReport.esc(workload(load))).append("</p>\n");
    if (!rows.isEmpty()) {
      h.append("<p>").append(HtmlReport.esc(CAVEAT)).append("</p>\n");
    }
    h.append("<p>").append(HtmlReport.esc(STAGE_NUMBERS)).append("</p>\n");
    if (rows.isEmpty()) {
      return h.append("</body></html>\n").toString();
    }
    h.append("<p>Each stage's name links to its own report (per-action figures, charts over time, audits).</p>\n<table><tr>");
    for (String c : HEADER) {
      h.append("<th>").append(HtmlReport.esc(c)).append("</th>");
    }
    h.append("</tr>\n");
    for (Row r : rows) {
      h.append("<tr>");
      List<String> c = cells(r, zero);
      h.append("<td>").append(htmlLink(c.get(0), r.ran() ? reportOf.apply(r.id()) : null)).append("</td>");
      for (String cell : c.subList(1, c.size())) {
        h.append("<td>").append(HtmlReport.esc(cell)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
    List<Row> stormed = rows.stream().filter(r -> r.ran() && r.storm() != null).toList();
    if (!stormed.isEmpty()) {
      h.append("<h2>Flash-sale storm</h2>\n<table><tr>");
      for (String c : STORM_HEADER) {
        h.append("<th>").append(HtmlReport.esc(c)).append("</th>");
      }
      h.append("</tr>\n");
      for (Row r : stormed) {
        h.append("<tr>");
        for (String c : stormCells(r, naiveStorm(rows))) {
          h.append("<td>").append(HtmlReport.esc(c)).append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</table>\n");
      h.append("<h3>Purchases answered/s at the storm's front</h3>\n").append(SvgBars.svg(stormed.stream()
          .map(r -> new SvgBars.Bar(r.title(), number(r.storm(), "purchasesPerSecond"), r.baseline())).toList()));
      h.append("<h3>Storm p99 (ms)</h3>\n").append(SvgBars.svg(stormed.stream()
          .map(r -> new SvgBars.Bar(r.title(), number(r.storm(), "p99Ms"), r.baseline())).toList()));
      h.append("<h3>Orders created/s behind the front</h3>\n").append(SvgBars.svg(stormed.stream()
          .map(r -> new SvgBars.Bar(r.title(), number(r.storm(), "ordersPerSecond"), r.baseline())).toList()));
    }
    List<Row> ran = rows.stream().filter(Row::ran).toList();
    h.append("<h2>Throughput (req/s)</h2>\n").append(bars(ran, true));
    h.append("<h2>p99 latency (ms)</h2>\n").append(bars(ran, false));
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String bars(List<Row> rows, boolean throughput) {
    return SvgBars.svg(rows.stream().map(r -> new SvgBars.Bar(r.title(), throughput ? r.throughput() : r.p99(), r.baseline()))
        .toList());
  }
}
