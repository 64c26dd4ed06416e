package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stage-by-stage command: a short real evolution over two embedded stages (each a packaged
 * app jar started as a child process), a stage this machine lacks, and bad arguments. Asserts
 * that the comparison and the audits are produced, never timings.
 */
class EvolutionTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int evolution(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "evolution";
    System.arraycopy(args, 0, all, 1, args.length);
    return LoadTool.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void runsEachStageOnAFreshDeploymentComparesThemAndSaysWhyAStageWasSkipped(@TempDir Path work) throws Exception {
    int exit = evolution("--stages", "one-node,naive,mariadb", "--mariadb", "127.0.0.1:1",
        "--app-jar", Path.of("..", "bazaar-app", "target", "bazaar.jar").toString(),
        "--report", work.resolve("docs").toString(), "--runs", work.resolve("runs").toString(),
        "--users", "2", "--warmup", "1s", "--duration", "3s", "--seed", "5", "--storm-buyers", "12", "--storm-units", "5");

    String printed = out.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    assertThat(exit).as(printed + err).isEqualTo(LoadTool.OK);
    String md = java.nio.file.Files.readString(work.resolve("docs").resolve("evolution.md"));
    // a stage that ran links to its own report; a skipped one has none to link to
    assertThat(md).contains("| [0 · one server](../runs/one-node/report.html) |", "| [baseline · naive](../runs/naive/report.html) |",
        "×1.00", "| 1 · separate DB |", "skipped: MariaDB does not answer on 127.0.0.1:1",
        "0 · one server against baseline · naive: ×", EvolutionReport.CAVEAT, EvolutionReport.STAGE_NUMBERS);
    assertThat(md.lines().filter(l -> l.contains("passed / passed"))).hasSize(2);
    assertThat(md).contains("## Flash-sale storm", "| baseline · naive |");
    assertThat(md.lines().filter(l -> l.endsWith("| 5 / 5 | hold |"))).as(md).hasSize(2);
    assertThat(work.resolve("docs").resolve("evolution.html")).content().contains("<svg", "Throughput",
        "<a href=\"../runs/naive/report.html\">", HtmlReport.esc(EvolutionReport.CAVEAT),
        "<h3>Purchases answered/s at the storm's front</h3>", "<h3>Storm p99 (ms)</h3>")
        .doesNotContain("<script");
    assertThat(work.resolve("runs").resolve("naive").resolve("report.html")).isRegularFile();
    assertThat(work.resolve("runs").resolve("naive").resolve("app.log")).content().contains("Started BazaarApplication");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--stages one-node,warp-drive|unknown stage 'warp-drive'; the stages are one-node,naive,",
      "--target http://x:1|--target and --audit-db are set per stage by the evolution itself",
      "--mariadb somewhere|--mariadb must be host:port",
      "--users 0|--users must be positive",
      "--stages|--stages needs a value",
      "--storm-buyers -1|--storm-buyers must be between 0 and 100000",
      "--hosts --experiments warp|unknown experiment 'warp'; the experiments are separate-db,cache,cluster,replica,sharding,flash-sale,protection",
      "--hosts --host-size big|--host-size: a host size reads like 0.5cpu/1g",
      "--hosts --host-ports db=1|--host-ports knows mariadb, redis, app and rabbit",
      "--hosts --host-ports rabbit=70000|--host-ports reads like mariadb=3320,redis=6390,app=18500,rabbit=5690",
      "--hosts --repeat 0|--repeat must be between 1 and 100000, not 0",
      "--hosts --repeat twice|--repeat must be a whole number, not 'twice'",
      "--hosts --cluster-sizes 2,4|--cluster-sizes must include 1",
      "--hosts --host-period 2000|--host-period must be between 1 and 1000 ms"})
  void badArgumentsExitWithTwoAndSayWhy(String line, String message) {
    assertThat(evolution(line.split(" "))).isEqualTo(LoadTool.BAD_ARGUMENTS);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
  }

  @Test
  void helpListsTheStages() {
    assertThat(evolution("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("evolution [evolution options]", "one-node,naive,mariadb");
  }
}
