package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.bazaar.bench.host.HostLayer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evolution --hosts} for real: the separate-DB experiment's two tiny variants, each app
 * and mariadbd in cgroup hosts. Checks that the CPU accounting adds up — the cgroup's count
 * against the processes' own, the per-request cost against the total, the quota as a ceiling —
 * with tolerances the run derives from what it measured (ticks, the time its readings took,
 * the CFS period), never a timing. Needs cgroups it may write (root here); skipped without.
 * Starts mariadbd: tagged {@code engine}, outside the quick subset.
 */
@Tag("engine")
class HostedEvolutionTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  @SuppressWarnings("unchecked")
  void twoVariantsInHostsAccountTheirCpuAndLeaveNoGroupBehind(@TempDir Path work) throws Exception {
    assumeThat(hostsAvailable()).as("cgroups this user may write").isTrue();

    // the user's warm-up, given before --hosts and in the --name=value form, still replaces --hosts' default
    int exit = LoadTool.run(new String[] {"evolution", "--warmup=2s", "--hosts", "--experiments", "separate-db",
        "--app-jar", Path.of("..", "bazaar-app", "target", "bazaar.jar").toString(), "--repo", "..",
        "--report", work.resolve("docs").toString(), "--runs", work.resolve("runs").toString(),
        "--host-size", "0.5cpu/1g", "--repeat", "2", "--users", "2", "--duration", "3s", "--seed", "5"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed + err).isEqualTo(LoadTool.OK);
    assertThat(work.resolve("docs").resolve("evolution.md")).as("the stage-by-stage report is not overwritten").doesNotExist();
    String md = Files.readString(work.resolve("docs").resolve("evolution-hosts.md"));
    assertThat(md).contains("## What each stage buys, in hosts", "| 1 · separate DB | mix good answers/s, two hosts / one host | ≥ 1.50 | ×",
        "CFS period 20.0 ms", "-XX:ActiveProcessorCount=1", "(2 repetitions) |", "first run was warmed 2 s per app JVM",
        // each variant's name links to its median run's own report, relative to the report's directory
        "| [app + MariaDB in one host](../runs/sdb-together/run-", "/report.html) | all 0.5cpu/1g |",
        "| [app host + MariaDB host](../runs/sdb-apart/run-", "/report.html) | app 0.5cpu/1g, db 0.5cpu/1g |",
        "Stage numbers are those of the growth path");
    assertThat(work.resolve("docs").resolve("evolution-hosts.html")).content()
        .contains("<a href=\"../runs/sdb-apart/run-", "Stage numbers are those of the growth path", "the machine's noise");

    for (String variant : List.of("sdb-together", "sdb-apart")) {
      for (String run : List.of("run-1", "run-2")) {
        Map<String, Object> result = JsonMapper.builder().build()
            .readValue(work.resolve("runs").resolve(variant).resolve(run).resolve("result.json").toFile(), Map.class);
        Map<String, Object> acc = (Map<String, Object>) result.get("hosts");
        long requests = ((Number) acc.get("requests")).longValue();
        double windowMs = ((Number) acc.get("windowMs")).doubleValue();
        double periodMs = ((Number) acc.get("periodMicros")).doubleValue() / 1000;
        assertThat(requests).isEqualTo(((Number) ((Map<String, Object>) result.get("total")).get("count")).longValue()).isPositive();
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) acc.get("hosts");
        assertThat(hosts).extracting(h -> h.get("role"))
            .containsExactlyElementsOf("sdb-together".equals(variant) ? List.of("all") : List.of("app", "db"));
        for (Map<String, Object> h : hosts) {
          double cpuMs = number(h, "cpuMs");
          assertThat(cpuMs).as("%s did work in the window", h.get("name")).isPositive();
          // the cgroup's accounting and the sum of its processes' own CPU times tell the same story
          assertThat(cpuMs).as("%s: cgroup vs /proc/<pid>/stat", h.get("name"))
              .isCloseTo(number(h, "processCpuMs"), org.assertj.core.data.Offset.offset(number(h, "toleranceMs")));
          // the requests the load tool counted × the cost per request is the host's total (rounding only)
          assertThat(number(h, "cpuMsPerRequest") * requests).isCloseTo(cpuMs, org.assertj.core.data.Offset.offset(0.001 * requests));
          // the quota held: no host ran for more than its share of the window, give or take the periods at its
          // edges and the time the readings took
          assertThat(cpuMs).as("%s within its quota", h.get("name"))
              .isLessThanOrEqualTo(number(h, "cpus") * (windowMs + 2 * periodMs) + number(h, "toleranceMs"));
        }
        assertThat(work.resolve("runs").resolve(variant).resolve(run).resolve("report.html")).content()
            .contains("<h2>CPU by host</h2>", variant + "-", "load tool (no host)");
        Map<String, Object> tool = (Map<String, Object>) acc.get("loadTool");
        assertThat(number(tool, "cpuMs")).as("the load tool's own CPU, outside every host").isPositive();
      }
    }
    assertThat(printed).contains("hosts are groups of cgroup");
    String group = "bazaar-" + ProcessHandle.current().pid();
    assertThat(Path.of("/sys/fs/cgroup/cpu", group)).doesNotExist();
    assertThat(Path.of("/sys/fs/cgroup/memory", group)).doesNotExist();
  }

  private static double number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  private static boolean hostsAvailable() {
    try (HostLayer layer = HostLayer.open(HostLayer.DEFAULT_PERIOD_MICROS, new PrintStream(new ByteArrayOutputStream()))) {
      return layer != null;
    } catch (HostLayer.Unavailable e) {
      return false;
    } catch (Exception e) {
      return false;
    }
  }
}
