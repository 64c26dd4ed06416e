package com.bazaar.bench;

import com.bazaar.bench.host.Host;
import com.bazaar.bench.host.HostSize;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What each stage buys, measured where it matters: per stage an experiment whose variants run in
 * hosts of a stated size, one after another in one run, compared as one ratio against the goal
 * of issue 15. Every variant's hosts account their CPU, so each figure comes with the per-host
 * CPU cost per request and a capacity projection from those costs.
 */
final class Experiments {

  /** A figure and its goal: {@code atLeast} true for "≥ target", false for "≤ target". */
  record Goal(String figure, boolean atLeast, double target) {
    boolean met(double value) {
      return atLeast ? value >= target : value <= target;
    }

    String text() {
      return figure + " " + (atLeast ? "≥ " : "≤ ") + String.format(Locale.ROOT, "%.2f", target);
    }
  }

  /**
   * One deployment of an experiment; a mix of its own when the figure is about one action. A storm
   * variant is warmed with the mix and then measured by a flash-sale storm instead.
   */
  record Variant(String id, String label, Optional<Mix> mix, Launcher launcher, Measure measure) {
    Variant(String id, String label, Optional<Mix> mix, Launcher launcher) {
      this(id, label, mix, launcher, Measure.MIX);
    }
  }

  /**
   * How a variant is measured: the mix (closed loop); the mix as warm-up, then a flash-sale storm;
   * or overload — the mix closed-loop to find the capacity, then at a fixed arrival rate of that
   * capacity and of {@link #OVERLOAD_FACTOR} times it.
   */
  enum Measure { MIX, STORM, OVERLOAD }

  /** How far past its measured capacity the protection experiment drives a deployment. */
  static final double OVERLOAD_FACTOR = 3;

  /** Brings a variant up in hosts. */
  interface Launcher {
    Hosting.Build launch(Hosting hosting, Hosting.Build build) throws IOException, InterruptedException;
  }

  /**
   * What an experiment found: its figure from the variants' results, or why there is none; and
   * whether the goal's second part (a p99 ratio, said in {@code how}) was met as well.
   */
  record Finding(Double value, String how, boolean secondMet) {
    Finding(Double value, String how) {
      this(value, how, true);
    }
  }

  /**
   * An experiment; {@code perRun} is what one run of a variant is judged by, the run of its median
   * standing for the variant: the rate the figure compares where it compares one, else throughput
   * (the cache's figure is a cost, protection's a ratio inside each run, a storm's is its total).
   */
  record Experiment(String id, String title, String question, Goal goal, List<Variant> variants,
                    Function<Map<String, Map<String, Object>>, Finding> figure, Function<Map<String, Object>, Double> perRun) {
    Experiment(String id, String title, String question, Goal goal, List<Variant> variants,
               Function<Map<String, Map<String, Object>>, Finding> figure) {
      this(id, title, question, goal, variants, figure, Experiments::throughput);
    }
  }

  static final List<String> IDS = List.of("separate-db", "cache", "cluster", "replica", "sharding", "flash-sale", "protection");

  private static final Mix BROWSE = Mix.parse("browse=1");
  private static final Mix ORDERS = Mix.parse("order=3,pay=1");

  private Experiments() {}

  static List<Experiment> select(List<String> wanted, List<Integer> clusterSizes) {
    List<Experiment> all = List.of(separateDb(), cache(), cluster(clusterSizes), replica(), sharding(), flashSale(), protection());
    if (wanted == null) {
      return all;
    }
    for (String w : wanted) {
      if (!IDS.contains(w)) {
        throw new BenchConfig.BadArguments("unknown experiment '" + w + "'; the experiments are " + String.join(",", IDS));
      }
    }
    return all.stream().filter(e -> wanted.contains(e.id())).toList();
  }

  static Experiment separateDb() {
    Goal goal = new Goal("mix good answers/s, two hosts / one host", true, 1.5);
    return new Experiment("separate-db", "1 · separate DB",
        "the app and MariaDB in one host, against each in a host of that same size",
        goal,
        List.of(
            new Variant("sdb-together", "app + MariaDB in one host", Optional.empty(), (h, b) -> {
              Host all = b.host("all", h.size());
              int db = b.mariadb(all);
              return b.target(b.app(all, "app", onMariaDb(db, List.of())));
            }),
            new Variant("sdb-apart", "app host + MariaDB host", Optional.empty(),
                (h, b) -> appAndDatabase(b, h.size(), "db", h.size(), List.of()))),
        r -> withCpuCeiling(ratio(r, "sdb-apart", "sdb-together", Experiments::goodAnswers,
            "good answers/s app host + MariaDB host / app and MariaDB in one host"), r.get("sdb-apart"), goal.target()),
        Experiments::goodAnswers);
  }

  /**
   * What two hosts of one size can buy by CPU alone, from the apart variant's own costs: one host
   * ran both parts' work, two run each part's and the busier part decides, so the ratio is at
   * most (app + db) / max(app, db), beyond it only by what the two stopped taking from each other.
   * A goal above that ceiling asks the database to do more of the work than it does. The costs
   * are per answer, refusals included, so the ceiling bounds the good answers' ratio as long as
   * both variants refuse about the same share.
   */
  static Finding withCpuCeiling(Finding f, Map<String, Object> apart, double goal) {
    Double app = apart == null ? null : cost(apart, "app");
    Double db = apart == null ? null : cost(apart, "db");
    if (f.value() == null || app == null || db == null || app + db <= 0) {
      return f;
    }
    double ceiling = (app + db) / Math.max(app, db);
    String why = String.format(Locale.ROOT, "; by CPU alone two hosts can buy at most (app + db) / max(app, db) = ×%.2f "
        + "of the apart variant's %s + %s ms per request: the database does %.0f %% of the work, and ×%.2f needs at "
        + "least %.0f %%", ceiling, fmt(app), fmt(db), 100 * db / (app + db), goal, 100 * (1 - 1 / goal));
    return new Finding(f.value(), f.how() + why, f.secondMet());
  }

  static Experiment cache() {
    return new Experiment("cache", "2 · two-level cache",
        "browse only; the database host's CPU per request with the two-level cache (Caffeine + Redis) against none",
        new Goal("database-host CPU per browse request, cache / none", false, 0.2),
        List.of(
            new Variant("cache-none", "no cache", Optional.of(BROWSE),
                (h, b) -> appAndDatabase(b, h.size(), "db", h.size(), List.of("--bazaar.cache.type=none"))),
            new Variant("cache-on", "Caffeine + Redis", Optional.of(BROWSE), (h, b) -> {
              Host app = b.host("app", h.size());
              Host dbHost = b.host("db", h.size());
              Host redisHost = b.host("redis", h.supportSize());
              int db = b.mariadb(dbHost);
              int redis = b.redis(redisHost);
              return b.target(b.app(app, "app", withRedis(db, redis, "mariadb,redis", "cache-on", 1)));
            })),
        r -> ratio(r, "cache-on", "cache-none", res -> cost(res, "db"),
            "database-host CPU ms per browse request, cache / none"));
  }

  static Experiment cluster(List<Integer> sizes) {
    List<Variant> variants = new ArrayList<>();
    for (int n : sizes) {
      variants.add(new Variant("cluster-" + n, n + " app host" + (n == 1 ? "" : "s") + " behind nginx", Optional.empty(),
          (h, b) -> {
            Host dbHost = b.host("db", h.supportSize());
            Host redisHost = b.host("redis", h.supportSize());
            Host edge = b.host("nginx", h.supportSize());
            int db = b.mariadb(dbHost);
            int redis = b.redis(redisHost);
            List<URI> nodes = new ArrayList<>();
            for (int i = 1; i <= n; i++) { // one after another: the first migrates the schema alone
              Host app = b.host("app-" + i, h.size());
              nodes.add(b.app(app, "app-" + i, withRedis(db, redis, "mariadb,redis,edge", "cluster-" + n, i)));
            }
            return b.target(b.nginx(edge, nodes));
          }));
    }
    int most = sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
    return new Experiment("cluster", "3 · cluster + edge",
        String.join(", ", sizes.stream().map(String::valueOf).toList())
            + " app hosts behind nginx (database, Redis and nginx on hosts that should not be the bottleneck)",
        new Goal("good answers/s " + most + " app hosts / (" + most + " × 1 app host)", true, 0.8),
        variants,
        r -> {
          Double one = r.containsKey("cluster-1") ? goodAnswers(r.get("cluster-1")) : null;
          Double many = r.containsKey("cluster-" + most) ? goodAnswers(r.get("cluster-" + most)) : null;
          if (one == null || many == null || one == 0 || most == 1) {
            return new Finding(null, "needs cluster-1 and cluster-" + most);
          }
          return new Finding(many / (most * one), "scaling efficiency: " + fmt(many) + " good answers/s on " + most
              + " app hosts / (" + most + " × " + fmt(one) + " good answers/s on one)");
        },
        Experiments::goodAnswers);
  }

  static Experiment replica() {
    return new Experiment("replica", "5 · read/write splitting",
        "browse only, no cache, the primary's host small enough to be the bottleneck: primary alone, against primary + "
            + "a replica host of the same size taking the catalog reads (app on a support host)",
        new Goal("read good answers/s, + replica host / primary alone", true, 1.6),
        List.of(
            new Variant("replica-off", "primary alone", Optional.of(BROWSE),
                (h, b) -> appAndDatabase(b, h.supportSize(), "primary", h.saturatedSize(), List.of("--bazaar.cache.type=none"))),
            new Variant("replica-on", "primary + replica host", Optional.of(BROWSE), (h, b) -> {
              Host app = b.host("app", h.supportSize());
              Host primary = b.host("primary", h.saturatedSize());
              Host replica = b.host("replica", h.saturatedSize());
              int db = b.mariadb(primary);
              int follower = b.replicaOf(replica, db);
              List<String> args = onMariaDb(db, List.of("--bazaar.cache.type=none", "--bazaar.replica.host=127.0.0.1",
                  "--bazaar.replica.port=" + follower));
              args.set(0, "--spring.profiles.active=mariadb,replica");
              return b.target(b.app(app, "app", args));
            })),
        r -> ratio(r, "replica-on", "replica-off", Experiments::goodAnswers,
            "browse good answers/s with a replica host / primary alone"),
        Experiments::goodAnswers);
  }

  static Experiment sharding() {
    return new Experiment("sharding", "9 · sharding",
        "orders and payments only (mix " + ORDERS + "), the order shards' hosts small enough to be the bottleneck: "
            + "both shard databases on one shard host, against one on each of two (main database and app on support hosts)",
        new Goal("order good answers/s, two shard hosts / one", true, 1.6),
        List.of(shardVariant("shard-1", 1), shardVariant("shard-2", 2)),
        r -> ratio(r, "shard-2", "shard-1", Experiments::goodAnswers, "order good answers/s two shard hosts / one"),
        Experiments::goodAnswers);
  }

  private static Variant shardVariant(String id, int servers) {
    return new Variant(id, servers == 1 ? "two shards on one host" : "two shards on two hosts", Optional.of(ORDERS),
        (h, b) -> {
          Host app = b.host("app", h.supportSize());
          Host main = b.host("db", h.supportSize());
          int db = b.mariadb(main);
          List<String> args = onMariaDb(db, List.of());
          args.set(0, "--spring.profiles.active=mariadb,sharding");
          int[] ports = new int[2];
          for (int i = 0; i < servers; i++) {
            ports[i] = b.shardServer(b.host("shard-" + i, h.saturatedSize()));
          }
          if (servers == 1) {
            ports[1] = ports[0];
          }
          for (int i = 0; i < 2; i++) {
            args.addAll(List.of("--BAZAAR_SHARD_" + i + "_HOST=127.0.0.1", "--BAZAAR_SHARD_" + i + "_PORT=" + ports[i],
                "--BAZAAR_SHARD_" + i + "_DATABASE=bazaar_orders_" + i));
            b.audit("jdbc:mariadb://127.0.0.1:" + ports[i] + "/bazaar_orders_" + i + "?user=root&password=");
          }
          return b.target(b.app(app, "app", args));
        });
  }

  static Experiment flashSale() {
    return new Experiment("flash-sale", "11–13 · queue, flash sale",
        "a flash-sale storm with the database host small enough to be the bottleneck: the naive sale (a stock UPDATE and "
            + "the order per purchase), against Redis stock and a RabbitMQ ticket queue (a RabbitMQ node of its own); "
            + "app, Redis and RabbitMQ on support hosts",
        new Goal("purchases answered/s at the storm's front, queued / naive", true, 10),
        List.of(
            new Variant("flash-naive", "naive", Optional.empty(),
                (h, b) -> appAndDatabase(b, h.supportSize(), "db", h.saturatedSize(), List.of("--bazaar.flash.mode=naive")),
                Measure.STORM),
            new Variant("flash-queued", "Redis stock + RabbitMQ tickets", Optional.empty(), (h, b) -> {
              Host app = b.host("app", h.supportSize());
              int db = b.mariadb(b.host("db", h.saturatedSize()));
              int redis = b.redis(b.host("redis", h.supportSize()));
              int rabbit = b.rabbit(b.host("rabbit", h.supportSize()));
              List<String> args = withRedis(db, redis, "mariadb,redis,rabbit,flash-cluster", "flash-queued", 1);
              args.addAll(List.of("--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=" + rabbit));
              return b.target(b.app(app, "app", args));
            }, Measure.STORM)),
        // a storm run's total is the storm's purchases answered (sold out among them, the sale's normal end); its
        // admitted figures are the warm-up mix's, so goodput would compare the wrong run
        r -> {
          Finding f = ratio(r, "flash-queued", "flash-naive", Experiments::throughput,
              "purchases answered/s at the front, queued / naive");
          if (f.value() == null) {
            return f;
          }
          double p99 = p99(r.get("flash-queued")) / Math.max(1e-9, p99(r.get("flash-naive")));
          return new Finding(f.value(), f.how() + "; front p99 queued / naive ×" + String.format(Locale.ROOT, "%.2f", p99)
              + " (goal ≤ 0.20)", p99 <= 0.2);
        });
  }

  static Experiment protection() {
    return new Experiment("protection", "11–13 · protection",
        "orders and payments (mix " + ORDERS + ", the load-shed paths) with the database host small enough to be the "
            + "bottleneck: the capacity measured closed-loop (its good answers per second), then a fixed arrival rate of that capacity against "
            + fmt(OVERLOAD_FACTOR) + "× it; app on a support host",
        new Goal("goodput at " + fmt(OVERLOAD_FACTOR) + "× capacity / at capacity", true, 0.9),
        List.of(new Variant("protect-overload", "load shedding on (the default)", Optional.of(ORDERS),
            (h, b) -> appAndDatabase(b, h.supportSize(), "db", h.saturatedSize(), List.of()), Measure.OVERLOAD)),
        r -> protectionFinding(r.get("protect-overload")));
  }

  /**
   * The protection figures of one overload run: goodput (answers without error per second) and
   * the admitted requests' p99, at the capacity and past it, and their ratios.
   */
  static Map<String, Object> protection(double capacity, Map<String, Object> atCapacity, Map<String, Object> overloaded) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("capacity", Results.round(capacity));
    p.put("factor", OVERLOAD_FACTOR);
    p.put("atCapacity", admitted(capacity, atCapacity));
    p.put("overload", admitted(capacity * OVERLOAD_FACTOR, overloaded));
    double goodAt = goodput(atCapacity);
    double p99At = admittedP99(atCapacity);
    p.put("goodputRatio", goodAt > 0 ? Results.round(goodput(overloaded) / goodAt) : null);
    p.put("admittedP99Ratio", p99At > 0 ? Results.round(admittedP99(overloaded) / p99At) : null);
    return p;
  }

  /**
   * "db at 64 % of its quota": the host of a run nearest its quota. A closed-loop capacity is the
   * deployment's only if that host was at its quota; with too few shoppers it is not.
   */
  static Optional<String> busiest(Map<String, Object> run) {
    return hosts(run).stream().max(java.util.Comparator.comparingDouble(h -> ((Number) h.get("utilisation")).doubleValue()))
        .map(h -> role(h) + " at " + String.format(Locale.ROOT, "%.0f", 100 * ((Number) h.get("utilisation")).doubleValue())
            + " % of its quota");
  }

  private static Map<String, Object> admitted(double rate, Map<String, Object> run) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rate", Results.round(rate));
    m.put("goodput", goodput(run));
    m.put("admittedP99Ms", admittedP99(run));
    m.put("errors", ((Number) total(run).get("errors")).longValue());
    return m;
  }

  /**
   * A closed-loop run's capacity: its good answers per second. Its refusals (503 shed, 409) come
   * back fast and the loop sends again, so its answers per second overstate what the deployment
   * serves, and offering them would make "at capacity" an overload already.
   */
  static double capacity(Map<String, Object> closedRun) {
    return goodput(closedRun);
  }

  /**
   * A mix run's good answers per second, what the mix experiments compare: a load shedder's 503s
   * and the 409s come back fast and count in its throughput, so a variant that refuses more would
   * look faster. Every load-tool run has them ({@link Results#admitted}); a result without them
   * (made by hand) falls back to its throughput, every answer taken as good.
   */
  static Double goodAnswers(Map<String, Object> run) {
    return run.get("admitted") instanceof Map<?, ?> ? goodput(run) : throughput(run);
  }

  @SuppressWarnings("unchecked")
  static double goodput(Map<String, Object> run) {
    return ((Number) ((Map<String, Object>) run.get("admitted")).get("goodput")).doubleValue();
  }

  @SuppressWarnings("unchecked")
  static double admittedP99(Map<String, Object> run) {
    return ((Number) ((Map<String, Object>) run.get("admitted")).get("p99Ms")).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> total(Map<String, Object> run) {
    return (Map<String, Object>) run.get("total");
  }

  /** The protection experiment's figure: goodput ratio, with the admitted p99 ratio against its own goal (≤ 2×). */
  @SuppressWarnings("unchecked")
  static Finding protectionFinding(Map<String, Object> result) {
    if (result == null || !(result.get("protection") instanceof Map<?, ?>)) {
      return new Finding(null, "needs protect-overload");
    }
    Map<String, Object> p = (Map<String, Object>) result.get("protection");
    Map<String, Object> at = (Map<String, Object>) p.get("atCapacity");
    Map<String, Object> over = (Map<String, Object>) p.get("overload");
    Object ratio = p.get("goodputRatio");
    Object p99 = p.get("admittedP99Ratio");
    String how = "goodput " + fmt(((Number) over.get("goodput")).doubleValue()) + "/s offered "
        + fmt(((Number) over.get("rate")).doubleValue()) + "/s / " + fmt(((Number) at.get("goodput")).doubleValue())
        + "/s offered " + fmt(((Number) at.get("rate")).doubleValue()) + "/s (capacity: the good answers/s of a closed loop"
        + (p.get("capacityAnswered") instanceof Number n ? " that answered " + fmt(n.doubleValue()) + "/s in all" : "")
        + (p.get("capacityBusiest") instanceof String b ? ", busiest host " + b : "") + "); admitted p99 "
        + fmt(((Number) over.get("admittedP99Ms")).doubleValue()) + " / " + fmt(((Number) at.get("admittedP99Ms")).doubleValue())
        + " ms = ×" + (p99 == null ? "?" : String.format(Locale.ROOT, "%.2f", ((Number) p99).doubleValue())) + " (goal ≤ 2.00)";
    return new Finding(ratio == null ? null : ((Number) ratio).doubleValue(), how,
        p99 != null && ((Number) p99).doubleValue() <= 2);
  }

  @SuppressWarnings("unchecked")
  static double p99(Map<String, Object> result) {
    return ((Number) ((Map<String, Object>) result.get("total")).get("p99Ms")).doubleValue();
  }

  /** An app host and a MariaDB host of its own, the app on that database. */
  private static Hosting.Build appAndDatabase(Hosting.Build b, HostSize appSize, String dbRole, HostSize dbSize,
                                              List<String> extra) throws IOException, InterruptedException {
    Host app = b.host("app", appSize);
    int db = b.mariadb(b.host(dbRole, dbSize));
    return b.target(b.app(app, "app", onMariaDb(db, extra)));
  }

  private static List<String> onMariaDb(int port, List<String> extra) {
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=mariadb", "--bazaar.mariadb.host=127.0.0.1",
        "--bazaar.mariadb.port=" + port, "--bazaar.mariadb.database=bazaar"));
    args.addAll(extra);
    return args;
  }

  private static List<String> withRedis(int db, int redis, String profiles, String variant, int worker) {
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + profiles, "--bazaar.mariadb.host=127.0.0.1",
        "--bazaar.mariadb.port=" + db, "--bazaar.mariadb.database=bazaar", "--spring.data.redis.host=127.0.0.1",
        "--spring.data.redis.port=" + redis, "--bazaar.ids.worker-id=" + worker));
    args.addAll(Evolution.Context.sharedStateSettings(variant));
    return args;
  }

  private static Finding ratio(Map<String, Map<String, Object>> results, String over, String under,
                               Function<Map<String, Object>, Double> figure, String how) {
    if (!results.containsKey(over) || !results.containsKey(under)) {
      return new Finding(null, "needs " + over + " and " + under);
    }
    Double a = figure.apply(results.get(over));
    Double b = figure.apply(results.get(under));
    if (a == null || b == null || b == 0) {
      return new Finding(null, how + ": no figure (" + a + " / " + b + ")");
    }
    return new Finding(a / b, how + ": " + fmt(a) + " / " + fmt(b));
  }

  /**
   * The run of median {@code perRun} figure (the lower one of an even count) stands for its
   * variant, with every run's throughput beside it under {@code repetitions}; a failed audit in any
   * run is kept, so no repetition can hide one.
   */
  static Map<String, Object> median(List<Map<String, Object>> runs, Function<Map<String, Object>, Double> perRun) {
    List<Map<String, Object>> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(perRun::apply)).toList();
    Map<String, Object> chosen = new LinkedHashMap<>(sorted.get((sorted.size() - 1) / 2));
    chosen.put("repetitions", runs.stream().map(Experiments::throughput).toList());
    for (Map<String, Object> r : runs) {
      if (!Results.auditPassed(r)) {
        chosen.put("audit", r.get("audit"));
        if (r.containsKey("dbAudit")) {
          chosen.put("dbAudit", r.get("dbAudit"));
        }
      }
    }
    return chosen;
  }

  /** The smallest, median (the mean of the middle two of an even count) and largest of some figures. */
  record Spread(double min, double median, double max, int count) {
    static Optional<Spread> of(List<Double> values) {
      if (values.isEmpty()) {
        return Optional.empty();
      }
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
      return Optional.of(new Spread(sorted.get(0), median, sorted.get(n - 1), n));
    }

    /** "×0.91 / ×1.02 / ×1.10 (3 repetitions)". */
    String text() {
      return times(min) + " / " + times(median) + " / " + times(max) + " (" + count + " repetition" + (count == 1 ? "" : "s") + ")";
    }
  }

  /**
   * The experiment's figure once per repetition: the variants' r-th runs together (each variant
   * ran on its own deployment, so the r-th runs of two variants are as comparable as any pair).
   * A repetition some variant lacks, or whose figure cannot be made, is left out.
   */
  static List<Double> figuresByRepetition(Experiment e, Map<String, List<Map<String, Object>>> runs) {
    int most = runs.values().stream().mapToInt(List::size).max().orElse(0);
    List<Double> figures = new ArrayList<>();
    for (int r = 0; r < most; r++) {
      Map<String, Map<String, Object>> one = new LinkedHashMap<>();
      for (Map.Entry<String, List<Map<String, Object>>> v : runs.entrySet()) {
        if (v.getValue().size() > r) {
          one.put(v.getKey(), v.getValue().get(r));
        }
      }
      Double f = e.figure().apply(one).value();
      if (f != null) {
        figures.add(f);
      }
    }
    return figures;
  }

  /** "25.4 (24.0–26.1)" over the repetitions, or the one figure. */
  @SuppressWarnings("unchecked")
  static String throughputSpread(Map<String, Object> result) {
    List<Double> all = (List<Double>) result.getOrDefault("repetitions", List.of(throughput(result)));
    String median = Evolution.fmt(throughput(result));
    if (all.size() < 2) {
      return median;
    }
    double min = all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return median + " (" + Evolution.fmt(min) + "–" + Evolution.fmt(max) + ")";
  }

  @SuppressWarnings("unchecked")
  static Double throughput(Map<String, Object> result) {
    return ((Number) ((Map<String, Object>) result.get("total")).get("throughput")).doubleValue();
  }

  /** The CPU ms per request of the hosts whose role (the name after the variant's) starts with {@code role}, summed. */
  static Double cost(Map<String, Object> result, String role) {
    double sum = 0;
    boolean found = false;
    for (Map<String, Object> h : hosts(result)) {
      if (role(h).startsWith(role)) {
        sum += ((Number) h.get("cpuMsPerRequest")).doubleValue();
        found = true;
      }
    }
    return found ? sum : null;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> hosts(Map<String, Object> result) {
    Object hosts = result.get("hosts");
    return hosts instanceof Map<?, ?> m ? (List<Map<String, Object>>) m.get("hosts") : List.of();
  }

  /** "db", "app-3": the host's role within its variant (its name without the variant's). */
  static String role(Map<String, Object> host) {
    return (String) host.get("role");
  }

  /**
   * The throughput a deployment can carry when every host works at its full quota: for each role
   * (all app hosts together are one role) its CPUs × 1000 / its CPU ms per request; the smallest
   * decides, and names the bottleneck.
   */
  record Projection(double throughput, String bottleneck) {}

  static Optional<Projection> project(Map<String, Double> costPerRequest, Map<String, Double> cpus) {
    Projection best = null;
    for (Map.Entry<String, Double> e : costPerRequest.entrySet()) {
      Double c = cpus.get(e.getKey());
      if (c == null || e.getValue() <= 0) {
        continue;
      }
      double x = c * 1000 / e.getValue();
      if (best == null || x < best.throughput()) {
        best = new Projection(x, e.getKey());
      }
    }
    return Optional.ofNullable(best);
  }

  /** A variant's measured CPU per request and CPUs, by role (app hosts pooled as "app"). */
  static Map<String, double[]> roles(Map<String, Object> result) {
    Map<String, double[]> roles = new LinkedHashMap<>(); // role → {ms per request, cpus}
    for (Map<String, Object> h : hosts(result)) {
      String role = role(h).replaceFirst("-\\d+$", "");
      double[] v = roles.computeIfAbsent(role, k -> new double[2]);
      v[0] += ((Number) h.get("cpuMsPerRequest")).doubleValue();
      v[1] += ((Number) h.get("cpus")).doubleValue();
    }
    return roles;
  }

  /** Projects a variant from its own measured costs at its own sizes. */
  static Optional<Projection> projectSelf(Map<String, Object> result) {
    Map<String, Double> cost = new LinkedHashMap<>();
    Map<String, Double> cpus = new LinkedHashMap<>();
    roles(result).forEach((role, v) -> {
      cost.put(role, v[0]);
      cpus.put(role, v[1]);
    });
    return project(cost, cpus);
  }

  /** Projects n app hosts of the given size from one variant's costs, the other hosts as measured. */
  static Optional<Projection> projectApps(Map<String, Object> result, int apps, HostSize appSize, long periodMicros) {
    Map<String, Double> cost = new LinkedHashMap<>();
    Map<String, Double> cpus = new LinkedHashMap<>();
    roles(result).forEach((role, v) -> {
      cost.put(role, v[0]);
      cpus.put(role, "app".equals(role) ? apps * appSize.grantedCpus(periodMicros) : v[1]);
    });
    return project(cost, cpus);
  }

  /** "×1.37", and a small ratio to two significant digits ("×0.0019"), never "×0.00". */
  static String times(double ratio) {
    return "×" + (Math.abs(ratio) >= 0.1 || ratio == 0 ? String.format(Locale.ROOT, "%.2f", ratio)
        : new java.math.BigDecimal(ratio).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString());
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 1 ? "%.2f" : "%.3f", v);
  }
}
