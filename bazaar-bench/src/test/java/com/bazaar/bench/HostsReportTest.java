package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.bench.host.HostSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosts part of the report on a hand-made protection run: spread, links, caveat and charts. */
class HostsReportTest {

  private static Map<String, Object> part(double goodput, double p99, long errors) {
    return Map.of("total", Map.of("throughput", goodput, "p99Ms", p99, "errors", errors),
        "admitted", Map.of("goodput", goodput, "p99Ms", p99));
  }

  @Test
  void theProtectionRunIsChartedLinkedAndGivenWithItsSpread(@TempDir Path work) throws Exception {
    Path report = Files.createDirectories(work.resolve("docs"));
    Path overloadHtml = work.resolve("runs/protect-overload/run-2/overload/report.html");
    Files.createDirectories(overloadHtml.getParent());
    Files.writeString(overloadHtml, "<html></html>");
    Map<String, Object> result = new LinkedHashMap<>(part(36, 180, 840));
    result.put("audit", Map.of("passed", true));
    result.put("protection", Experiments.protection(40, part(39, 100, 0), part(36, 180, 840)));
    result.put("reportHtml", overloadHtml.toString());
    Experiments.Experiment protection = Experiments.select(List.of("protection"), List.of(1)).get(0);
    Map<String, Map<String, Object>> results = Map.of("protect-overload", result);
    HostsReport.Outcome outcome = new HostsReport.Outcome(protection, results, Map.of(), protection.figure().apply(results),
        Experiments.Spread.of(List.of(0.95, 0.92, 0.88)));
    HostsReport.Setting setting = new HostsReport.Setting("cgroup v1", 20_000, HostSize.parse("0.25cpu/1g"),
        HostSize.parse("0.5cpu/1g"), HostSize.parse("0.05cpu/1g"), "1.0, 1.0, 1.0", 3);
    BenchConfig load = BenchConfig.parse();

    String md = HostsReport.markdown(List.of(outcome), setting, load, List.of(1), report);
    assertThat(md).contains("| 11–13 · protection | goodput at 3.00× capacity / at capacity | ≥ 0.90 | ×0.92 | "
            + "×0.88 / ×0.92 / ×0.95 (3 repetitions) | met |",
        "[load shedding on (the default) (mix order=3,pay=1)](../runs/protect-overload/run-2/overload/report.html)",
        "the machine's noise");
    String html = HostsReport.html(List.of(outcome), setting, load, List.of(1), report);
    assertThat(html).contains("<a href=\"../runs/protect-overload/run-2/overload/report.html\">",
        "the machine's noise", "<h4>Offered and answered (req/s)</h4>", "<svg", "offered at 3.00× capacity",
        "goodput at 3.00× capacity", "<h4>Admitted p99 (ms)</h4>");
    assertThat(html).doesNotContain("<script");

    Map<String, Object> slowTail = new LinkedHashMap<>(result);
    slowTail.put("protection", Experiments.protection(40, part(39, 100, 0), part(38, 530, 820)));
    Map<String, Map<String, Object>> slow = Map.of("protect-overload", slowTail);
    String missed = HostsReport.markdown(List.of(new HostsReport.Outcome(protection, slow, Map.of(),
        protection.figure().apply(slow), Optional.empty())), setting, load, List.of(1), report);
    assertThat(missed).contains("| ×0.97 | — | MISSED: the p99 part of the goal (below) |");
  }

  @Test
  void aRunWithoutItsReportFileIsNotLinked(@TempDir Path work) {
    assertThat(Evolution.href(work, work.resolve("runs/gone/report.html"))).isNull();
  }

  @Test
  void theStormVariantsAreChartedFrontAndTail() {
    Experiments.Experiment flash = Experiments.select(List.of("flash-sale"), List.of(1)).get(0);
    Map<String, Map<String, Object>> results = Map.of(
        "flash-naive", Map.of("total", Map.of("throughput", 20.0, "p99Ms", 2000.0)),
        "flash-queued", Map.of("total", Map.of("throughput", 400.0, "p99Ms", 100.0)));
    String charts = HostsReport.charts(new HostsReport.Outcome(flash, results, Map.of(), flash.figure().apply(results),
        Optional.empty()));
    assertThat(charts).contains("<h4>Purchases answered/s at the storm's front</h4>", "<h4>Storm p99 (ms)</h4>",
        ">naive</text>", ">Redis stock + RabbitMQ tickets</text>", ">400</text>", "fill=\"#999\"");
  }
}
