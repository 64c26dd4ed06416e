package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.bazaar.bench.host.HostSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the experiments' figures and projections, on hand-made results. */
class ExperimentsTest {

  private static Map<String, Object> host(String role, double cpus, double msPerRequest) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("name", "v-" + role);
    h.put("role", role);
    h.put("cpus", cpus);
    h.put("cpuMsPerRequest", msPerRequest);
    return h;
  }

  private static Map<String, Object> result(double throughput, List<Map<String, Object>> hosts) {
    return Map.of("total", Map.of("throughput", throughput), "hosts", Map.of("hosts", hosts));
  }

  @Test
  void theHostThatRunsOutOfCpuFirstDecidesTheProjection() {
    // app: 0.25 CPU at 10 ms a request → 25 req/s; db: 0.25 CPU at 1.25 ms → 200 req/s
    Map<String, Object> apart = result(24, List.of(host("app", 0.25, 10), host("db", 0.25, 1.25)));
    Experiments.Projection p = Experiments.projectSelf(apart).orElseThrow();
    assertThat(p.bottleneck()).isEqualTo("app");
    assertThat(p.throughput()).isCloseTo(25, within(1e-9));
    assertThat(HostsReport.error(p.throughput(), 24)).isEqualTo("+4%");
  }

  @Test
  void appHostsArePooledAndMoreOfThemMoveTheBottleneckToTheDatabase() {
    // one app host at 0.25 CPU, 8 ms a request; database 0.5 CPU at 0.5 ms (1000 req/s); nginx 0.5 CPU at 0.25 ms
    Map<String, Object> one = result(30, List.of(host("db", 0.5, 0.5), host("nginx", 0.5, 0.25), host("app-1", 0.25, 8)));
    HostSize quarter = new HostSize(0.25, 1L << 30);
    assertThat(Experiments.projectApps(one, 4, quarter, 20_000).orElseThrow().throughput()).isCloseTo(125, within(1e-9));
    Experiments.Projection many = Experiments.projectApps(one, 64, quarter, 20_000).orElseThrow();
    assertThat(many.bottleneck()).isEqualTo("db");
    assertThat(many.throughput()).isCloseTo(1000, within(1e-9));

    Map<String, Object> two = result(55, List.of(host("db", 0.5, 0.5), host("app-1", 0.25, 4), host("app-2", 0.25, 4)));
    assertThat(Experiments.roles(two).get("app")).containsExactly(8, 0.5);
  }

  @Test
  void theSeparateDatabaseFigureSaysWhatTwoHostsCanBuyByCpuAlone() {
    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    results.put("sdb-together", result(40, List.of(host("all", 0.25, 6))));
    // apart: the app 4.5 ms, the database 1.5 ms a request: a quarter of the work moved away, ×1.33 at most
    results.put("sdb-apart", result(52, List.of(host("app", 0.25, 4.5), host("db", 0.25, 1.5))));
    Experiments.Finding f = Experiments.separateDb().figure().apply(results);
    assertThat(f.value()).isCloseTo(1.3, within(1e-9));
    assertThat(f.how()).contains("52.00 / 40.00", "at most (app + db) / max(app, db) = ×1.33",
        "the database does 25 % of the work, and ×1.50 needs at least 33 %");

    results.put("sdb-apart", result(52, List.of(host("app", 0.25, 4.5))));
    assertThat(Experiments.separateDb().figure().apply(results).how()).as("no database host: no ceiling")
        .doesNotContain("at most");
  }

  @Test
  void aFigureIsTheRatioOfTheVariantsAndSaysWhenOneIsMissing() {
    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    results.put("cache-none", result(100, List.of(host("app", 0.25, 2), host("db", 0.25, 2))));
    Experiments.Experiment cache = Experiments.select(List.of("cache"), List.of(1)).get(0);
    assertThat(cache.figure().apply(results).value()).isNull();
    assertThat(cache.figure().apply(results).how()).contains("needs cache-on and cache-none");

    results.put("cache-on", result(300, List.of(host("app", 0.25, 0.8), host("db", 0.25, 0.1), host("redis", 0.5, 0.2))));
    Experiments.Finding f = cache.figure().apply(results);
    assertThat(f.value()).isCloseTo(0.05, within(1e-9));
    assertThat(cache.goal().met(f.value())).isTrue();
    assertThat(cache.goal().text()).isEqualTo("database-host CPU per browse request, cache / none ≤ 0.20");
  }

  @Test
  void clusterEfficiencyComparesTheLargestClusterWithThatManySingleHosts() {
    Experiments.Experiment cluster = Experiments.select(List.of("cluster"), List.of(1, 2, 4)).get(0);
    Map<String, Map<String, Object>> results = Map.of("cluster-1", result(30, List.of()), "cluster-4", result(96, List.of()));
    assertThat(cluster.figure().apply(results).value()).isCloseTo(0.8, within(1e-9));
    assertThat(cluster.variants()).extracting(Experiments.Variant::id).containsExactly("cluster-1", "cluster-2", "cluster-4");
  }

  @Test
  void theFlashSaleFigureIsTheFrontsRateAndSaysTheP99RatioBesideIt() {
    Experiments.Experiment flash = Experiments.select(List.of("flash-sale"), List.of(1)).get(0);
    assertThat(flash.variants()).allMatch(v -> v.measure() == Experiments.Measure.STORM);
    Map<String, Map<String, Object>> results = Map.of(
        "flash-naive", Map.of("total", Map.of("throughput", 20.0, "p99Ms", 2000.0)),
        "flash-queued", Map.of("total", Map.of("throughput", 400.0, "p99Ms", 100.0)));
    Experiments.Finding f = flash.figure().apply(results);
    assertThat(f.value()).isCloseTo(20, within(1e-9));
    assertThat(f.how()).contains("front p99 queued / naive ×0.05 (goal ≤ 0.20)");
    assertThat(flash.goal().met(f.value())).isTrue();
    assertThat(f.secondMet()).isTrue();
    Experiments.Finding slowTail = flash.figure().apply(Map.of(
        "flash-naive", Map.of("total", Map.of("throughput", 20.0, "p99Ms", 2000.0)),
        "flash-queued", Map.of("total", Map.of("throughput", 400.0, "p99Ms", 800.0))));
    assertThat(slowTail.secondMet()).as("front p99 ×0.40").isFalse();
  }

  @Test
  void theMedianRunStandsForItsVariantButAFailedAuditInAnyRunIsKept() {
    Map<String, Object> slow = new LinkedHashMap<>(result(20, List.of()));
    Map<String, Object> mid = new LinkedHashMap<>(result(25, List.of()));
    mid.put("audit", Map.of("passed", true));
    Map<String, Object> fast = new LinkedHashMap<>(result(40, List.of()));
    fast.put("audit", Map.of("passed", false));
    Map<String, Object> chosen = Experiments.median(List.of(fast, slow, mid), Experiments::throughput);
    assertThat(Experiments.throughput(chosen)).isEqualTo(25);
    assertThat(chosen.get("repetitions")).isEqualTo(List.of(40.0, 20.0, 25.0));
    assertThat(Results.auditPassed(chosen)).isFalse();
    assertThat(Experiments.throughputSpread(chosen)).isEqualTo("25.0 (20.0–40.0)");
    assertThat(Experiments.throughputSpread(result(25, List.of()))).isEqualTo("25.0");
  }

  /** A mix run answering {@code throughput} a second, {@code goodput} of them without an error (the rest 503 or 409). */
  private static Map<String, Object> mixRun(double throughput, double goodput) {
    return Map.of("total", Map.of("throughput", throughput), "admitted", Map.of("goodput", goodput));
  }

  @Test
  void theMixExperimentsCompareGoodAnswersNotTheShedders503s() {
    // the first variant sheds half its answers as fast 503s: by every answer it looks the faster
    Map<String, Object> shedding = mixRun(80, 40);
    Map<String, Object> serving = mixRun(60, 56);

    Experiments.Finding sdb = Experiments.separateDb().figure().apply(Map.of("sdb-together", shedding, "sdb-apart", serving));
    assertThat(sdb.value()).isCloseTo(1.4, within(1e-9));
    assertThat(sdb.how()).contains("good answers/s app host + MariaDB host / app and MariaDB in one host: 56.00 / 40.00");
    assertThat(Experiments.separateDb().goal().text()).isEqualTo("mix good answers/s, two hosts / one host ≥ 1.50");

    Experiments.Finding replica = Experiments.replica().figure().apply(Map.of("replica-off", shedding, "replica-on", serving));
    assertThat(replica.value()).isCloseTo(1.4, within(1e-9));
    assertThat(replica.how()).contains("browse good answers/s with a replica host / primary alone: 56.00 / 40.00");

    Experiments.Finding sharding = Experiments.sharding().figure().apply(Map.of("shard-1", shedding, "shard-2", serving));
    assertThat(sharding.value()).isCloseTo(1.4, within(1e-9));
    assertThat(sharding.how()).contains("order good answers/s two shard hosts / one: 56.00 / 40.00");

    // four nodes answer ×2.5 the one's answers, but only ×2 its good ones: efficiency 0.5, not 0.625
    Experiments.Experiment cluster = Experiments.cluster(List.of(1, 4));
    Experiments.Finding scaling = cluster.figure().apply(Map.of("cluster-1", mixRun(40, 40), "cluster-4", mixRun(100, 80)));
    assertThat(scaling.value()).isCloseTo(0.5, within(1e-9));
    assertThat(scaling.how()).isEqualTo("scaling efficiency: 80.00 good answers/s on 4 app hosts / (4 × 40.00 good answers/s on one)");
    assertThat(cluster.goal().met(scaling.value())).isFalse();
  }

  @Test
  void theStormIsComparedByItsPurchasesAnsweredNotByItsWarmUpsGoodput() {
    // a storm run keeps its warm-up mix's admitted figures; its total is the storm's
    Experiments.Experiment flash = Experiments.flashSale();
    Map<String, Map<String, Object>> results = Map.of(
        "flash-naive", Map.of("total", Map.of("throughput", 20.0, "p99Ms", 2000.0), "admitted", Map.of("goodput", 50.0)),
        "flash-queued", Map.of("total", Map.of("throughput", 400.0, "p99Ms", 100.0), "admitted", Map.of("goodput", 50.0)));
    assertThat(flash.figure().apply(results).value()).isCloseTo(20, within(1e-9));
  }

  @Test
  void theMedianRunOfAMixVariantIsTheOneOfMedianGoodAnswers() {
    Map<String, Object> shedding = mixRun(90, 30);
    Map<String, Object> steady = mixRun(50, 50);
    Map<String, Object> best = mixRun(70, 60);
    List<Map<String, Object>> runs = List.of(shedding, steady, best);
    for (Experiments.Experiment e : Experiments.select(List.of("separate-db", "cluster", "replica", "sharding"), List.of(1, 2))) {
      Map<String, Object> chosen = Experiments.median(runs, e.perRun());
      assertThat(Experiments.goodput(chosen)).as(e.id()).isEqualTo(50);
      assertThat(chosen.get("repetitions")).as("every run's answers, for the req/s column").isEqualTo(List.of(90.0, 50.0, 70.0));
    }
    // the cache compares a CPU cost, not a rate: its median run is still the one of median throughput
    Experiments.Experiment cache = Experiments.select(List.of("cache"), List.of(1)).get(0);
    assertThat(Experiments.throughput(Experiments.median(runs, cache.perRun()))).isEqualTo(70);
  }

  @Test
  void aResultWithoutAdmittedFiguresCountsEveryAnswerAsGood() {
    assertThat(Experiments.goodAnswers(result(25, List.of()))).isEqualTo(25);
    assertThat(Experiments.goodAnswers(mixRun(25, 20))).isEqualTo(20);
  }

  @Test
  void portsComeFromTheGivenFirstPortsOrAnyFreeOne() {
    assertThat(Hosting.Ports.parse("mariadb=3320,redis=6390,app=18500")).isEqualTo(new Hosting.Ports(3320, 6390, 18500, 0));
    assertThat(Hosting.Ports.parse("app=18500")).isEqualTo(new Hosting.Ports(0, 0, 18500, 0));
    assertThat(Hosting.Ports.parse("rabbit=5690")).isEqualTo(new Hosting.Ports(0, 0, 0, 5690));
    assertThat(Hosting.activeProcessors(new HostSize(0.25, 1L << 30))).isEqualTo(1);
    assertThat(Hosting.activeProcessors(new HostSize(2, 1L << 30))).isEqualTo(2);
    assertThat(Hosting.activeProcessors(new HostSize(1.5, 1L << 30))).isEqualTo(2);
  }

  @Test
  void aSpreadIsTheSmallestTheMedianAndTheLargest() {
    assertThat(Experiments.Spread.of(List.of(1.2, 0.9, 1.0))).contains(new Experiments.Spread(0.9, 1.0, 1.2, 3));
    assertThat(Experiments.Spread.of(List.of(4.0, 1.0, 2.0, 3.0))).contains(new Experiments.Spread(1.0, 2.5, 4.0, 4));
    assertThat(Experiments.Spread.of(List.of())).isEmpty();
    assertThat(new Experiments.Spread(0.9, 1.0, 1.2, 3).text()).isEqualTo("×0.90 / ×1.00 / ×1.20 (3 repetitions)");
  }

  @Test
  void aSmallRatioKeepsTwoSignificantDigitsInsteadOfPrintingZero() {
    assertThat(Experiments.times(1.3749)).isEqualTo("×1.37");
    assertThat(Experiments.times(0.1)).isEqualTo("×0.10");
    assertThat(Experiments.times(0.0019342)).isEqualTo("×0.0019");
    assertThat(Experiments.times(0.02)).isEqualTo("×0.02");
    assertThat(Experiments.times(0)).isEqualTo("×0.00");
    assertThat(new Experiments.Spread(0.0017, 0.0019, 0.0025, 3).text()).isEqualTo("×0.0017 / ×0.0019 / ×0.0025 (3 repetitions)");
  }

  @Test
  void theFigureIsTakenOncePerRepetitionFromTheVariantsRunsOfThatRepetition() {
    Experiments.Experiment sdb = Experiments.select(List.of("separate-db"), List.of(1)).get(0);
    Map<String, List<Map<String, Object>>> runs = new LinkedHashMap<>();
    runs.put("sdb-together", List.of(result(10, List.of()), result(20, List.of()), result(10, List.of())));
    runs.put("sdb-apart", List.of(result(15, List.of()), result(20, List.of())));
    // the third repetition has no sdb-apart run: left out, not paired with another
    assertThat(Experiments.figuresByRepetition(sdb, runs)).containsExactly(1.5, 1.0);
  }

  private static Map<String, Object> overloadRun(double goodput, double admittedP99, long errors) {
    return Map.of("total", Map.of("throughput", goodput + errors / 10.0, "errors", errors),
        "admitted", Map.of("goodput", goodput, "p99Ms", admittedP99));
  }

  @Test
  void protectionComparesGoodputAndAdmittedP99AtThreeTimesTheCapacityWithAtIt() {
    Map<String, Object> p = Experiments.protection(40, overloadRun(39, 100, 0), overloadRun(36, 180, 840));
    assertThat(p).containsEntry("capacity", 40.0).containsEntry("goodputRatio", 0.923).containsEntry("admittedP99Ratio", 1.8);
    assertThat(p.get("overload")).isEqualTo(Map.of("rate", 120.0, "goodput", 36.0, "admittedP99Ms", 180.0, "errors", 840L));

    Experiments.Experiment protection = Experiments.select(List.of("protection"), List.of(1)).get(0);
    assertThat(protection.variants()).allMatch(v -> v.measure() == Experiments.Measure.OVERLOAD);
    Map<String, Object> result = new LinkedHashMap<>(overloadRun(36, 180, 840));
    result.put("protection", p);
    Experiments.Finding f = protection.figure().apply(Map.of("protect-overload", result));
    assertThat(f.value()).isCloseTo(0.923, within(1e-9));
    assertThat(f.how()).contains("offered 120/s", "offered 40.00/s", "admitted p99 180 / 100 ms = ×1.80 (goal ≤ 2.00)");
    assertThat(protection.goal().met(f.value())).isTrue();
    assertThat(f.secondMet()).as("admitted p99 ×1.80").isTrue();
    assertThat(protection.figure().apply(Map.of()).value()).isNull();

    Map<String, Object> capacityRun = Map.of("hosts", Map.of("hosts", List.of(
        Map.of("role", "app", "utilisation", 0.36), Map.of("role", "db", "utilisation", 0.64))));
    assertThat(Experiments.busiest(capacityRun)).contains("db at 64 % of its quota");
    Map<String, Object> said = new LinkedHashMap<>(p);
    said.put("capacityBusiest", "db at 64 % of its quota");
    result.put("protection", said);
    assertThat(protection.figure().apply(Map.of("protect-overload", result)).how())
        .contains("(capacity: the good answers/s of a closed loop, busiest host db at 64 % of its quota)");
    said.put("capacityAnswered", 75.0);
    assertThat(protection.figure().apply(Map.of("protect-overload", result)).how())
        .contains("(capacity: the good answers/s of a closed loop that answered 75.00/s in all, busiest host db");

    Map<String, Object> slowTail = new LinkedHashMap<>(result);
    slowTail.put("protection", Experiments.protection(40, overloadRun(39, 100, 0), overloadRun(38, 530, 820)));
    assertThat(protection.figure().apply(Map.of("protect-overload", slowTail)).secondMet()).as("admitted p99 ×5.30").isFalse();
  }

  @Test
  void theCapacityIsTheClosedLoopsGoodAnswersNotItsFastRefusalsToo() {
    // 75 answers/s, of which 35/s were 503s and 409s: offering 75/s would be an overload already
    assertThat(Experiments.capacity(overloadRun(40, 900, 350))).isEqualTo(40.0);
  }

  @Test
  void nothingAnsweredAtCapacityGivesNoRatioRatherThanAnInfiniteOne() {
    Map<String, Object> p = Experiments.protection(40, overloadRun(0, 0, 400), overloadRun(0, 0, 1200));
    assertThat(p.get("goodputRatio")).isNull();
    assertThat(p.get("admittedP99Ratio")).isNull();
  }
}
