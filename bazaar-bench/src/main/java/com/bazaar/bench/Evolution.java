package com.bazaar.bench;

import com.bazaar.bench.host.HostLayer;
import com.bazaar.bench.host.HostSize;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code bazaar-bench evolution}: brings up each deployment stage in turn, runs the same workload
 * against it, audits it through the API and its own tables, takes it down, and writes the
 * comparison as {@code evolution.md} and {@code evolution.html}.
 */
public final class Evolution {

  static final String USAGE = """
      Usage: java -jar bazaar-bench/target/bazaar-bench.jar evolution [evolution options] [load options]

        --stages LIST      stages to run, in path order   (default: all; %s)
        --app-jar PATH     the app to start               (default bazaar-app/target/bazaar.jar)
        --repo DIR         the checkout (for bin/ scripts) (default .)
        --report DIR       where evolution.md and evolution.html go (default docs); --hosts without
                           --stages writes evolution-hosts.md and evolution-hosts.html there instead
        --runs DIR         each stage's result.json, report.html and logs (default target/evolution)
        --mariadb H:P      MariaDB for the database stages, user root, empty password (default 127.0.0.1:3306)
        --storm-buyers N   after the mix, a flash-sale storm of N fresh buyers at each stage; 0: none (default 500);
                           with --hosts the storm is sustained for --duration: the same buyers buy in sale
                           after sale, logged in before the measured window
        --storm-units N    units on sale in that storm (each sale of a sustained one) (default 100)
        --hosts            run the experiments that show what each stage buys, each deployment in hosts
                           (Linux cgroups with a CPU quota and a memory limit; needs root or a delegated
                           cgroup; without, the run says so and runs the stages as before). With
                           --hosts, --stages defaults to none.
        --experiments LIST the experiments with --hosts   (default all; %s)
        --host-size SIZE   the compared hosts' size        (default 0.25cpu/1g)
        --support-size SIZE  hosts that should not be the bottleneck: Redis, nginx, the cluster's
                           database (default 0.5cpu/1g)
        --saturated-size SIZE  the database hosts the replica, sharding, flash-sale and protection
                           experiments saturate (default 0.05cpu/1g)
        --host-period MS   the CFS period of every host, 1 to 1000 ms (default 20)
        --cluster-sizes LIST  app hosts in the cluster experiment (default 1,2,4)
        --host-ports SPEC  first ports for the hosts' servers, e.g.
                           mariadb=3320,redis=6390,app=18500,rabbit=5690 (default: any free port)
        --repeat N         measured runs per variant, on the same deployment, each with its own
                           warm-up; the report gives the median run with min and max, and each
                           experiment's figure per repetition as min / median / max (default 3)
        --help             this text

      Load options are those of a single run (see --help without 'evolution'); the evolution's
      defaults are: --mode closed --users 32 --warmup 10s --duration 30s; with --hosts the warm-up
      (default 180s) is per app JVM before a deployment's first measured run, 10 s before each later one.
      Exit codes: 0 every stage run passed its audits, 1 an audit failed, 2 bad arguments, 3 run failed.
      """;

  /**
   * The storm's own warm-up, without quota, at most: it compiles the purchase path, which the mix
   * before it has warmed everything else for. Storming 180 s left tens of thousands of tickets
   * queued for the 0.05-CPU database when its quota applied, and the ticket resender sent every
   * one unsettled after a minute again, faster than they settled (docs/benchmarks.md).
   */
  static final Duration STORM_WARMUP = Duration.ofSeconds(60);
  /** The warm-up of a deployment's later repetitions: its JVMs are warm, the window only settles after the audit. */
  static final Duration REWARM = Duration.ofSeconds(10);
  /**
   * The default warm-up with --hosts, per app JVM before a deployment's first run. After 60 s an
   * app on a 0.25-CPU host still spent 5.0 and then 3.2 ms of CPU per mix request in its first two
   * windows, after 180 s 2.5 and 2.3 (docs/benchmarks.md, "JIT warm-up"). The orders of so long a
   * warm-up would sell the workload's items out; each run's restock (--restock) puts them back.
   */
  static final String HOSTS_WARMUP = "180s";
  private static final List<String> LOAD_DEFAULTS = List.of("--mode", "closed", "--users", "32", "--warmup", "10s", "--duration", "30s");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  /**
   * Every shopper of a run registers, logs in and buys from the tool's one address: lift the
   * per-address limits, the per-buyer purchase rate (a sustained storm reuses its buyers) and the
   * per-buyer unpaid-order limits (a closed-loop shopper orders faster than it pays), and hash
   * passwords cheaply so registering hundreds of buyers does not dominate.
   */
  static final List<String> NODE_SETTINGS = List.of("--bazaar.rate-limits.login.permits=1000000",
      "--bazaar.rate-limits.login-user.permits=1000000", "--bazaar.rate-limits.flash-purchase-ip.permits=1000000",
      "--bazaar.rate-limits.flash-purchase-user.permits=1000000",
      "--bazaar.rate-limits.registration.permits=1000000", "--bazaar.order.limits.max-pending-orders=1000000",
      "--bazaar.order.limits.max-reserved-units=1000000", "--bazaar.security.bcrypt-strength=4");

  private Evolution() {}

  /** What a stage's launcher may use. */
  public record Context(Path appJar, Path repo, Path runs, String mariaDbHost, int mariaDbPort, PrintStream out,
                        int stormBuyers, int stormUnits) {

    /** One node on a fresh embedded H2 file database, which the audit reads through H2's auto-server mode. */
    Stage.Deployment embeddedNode(String stage, List<String> extra) throws IOException, InterruptedException {
      Path data = runs.resolve(stage).resolve("data").toAbsolutePath();
      deleteRecursively(data);
      String url = "jdbc:h2:file:" + data.resolve("bazaar")
          + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
      List<String> args = new ArrayList<>(List.of("--bazaar.data-dir=" + data, "--spring.datasource.url=" + url));
      args.addAll(extra);
      return node(stage, args, List.of(url + ";USER=sa;PASSWORD="));
    }

    /** One node on a fresh MariaDB database named after the stage. */
    Stage.Deployment mariaDbNode(String stage, List<String> extra) throws IOException, InterruptedException {
      String database = "bazaar_evolution_" + stage.replace('-', '_');
      String server = "jdbc:mariadb://" + mariaDbHost + ":" + mariaDbPort + "/";
      recreateDatabase(server, database);
      List<String> args = new ArrayList<>(List.of(
          "--bazaar.data-dir=" + runs.resolve(stage).resolve("data").toAbsolutePath(),
          "--spring.datasource.url=" + server + database, "--spring.datasource.username=root",
          "--spring.datasource.password="));
      args.addAll(extra);
      return node(stage, args, List.of(server + database + "?user=root&password="));
    }

    /** One node on MariaDB with the given profiles (e.g. {@code mariadb,redis}), Redis names private to the stage. */
    Stage.Deployment profiledNode(String stage, String profiles) throws IOException, InterruptedException {
      String database = "bazaar_evolution_" + stage.replace('-', '_');
      String server = "jdbc:mariadb://" + mariaDbHost + ":" + mariaDbPort + "/";
      recreateDatabase(server, database);
      List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + profiles,
          "--bazaar.data-dir=" + runs.resolve(stage).resolve("data").toAbsolutePath(),
          "--bazaar.mariadb.host=" + mariaDbHost, "--bazaar.mariadb.port=" + mariaDbPort,
          "--bazaar.mariadb.database=" + database));
      args.addAll(sharedStateSettings(stage));
      return node(stage, args, List.of(server + database + "?user=root&password="));
    }

    /**
     * {@code bin/cluster start N} with the given profiles on fresh databases: the main one (and
     * its {@code _user}, {@code _catalog} companions) on {@code host:port}, and when sharded, two
     * order shard databases on the MariaDB the evolution was pointed at.
     */
    Stage.Deployment cluster(String stage, int nodes, String profiles, int primaryPort, boolean sharded)
        throws IOException, InterruptedException {
      String database = "bazaar_evolution_" + stage.replace('-', '_');
      String primary = "jdbc:mariadb://" + mariaDbHost + ":" + primaryPort + "/";
      String shardServer = "jdbc:mariadb://" + mariaDbHost + ":" + mariaDbPort + "/";
      List<String> auditDbs = new ArrayList<>();
      for (String db : List.of(database, database + "_user", database + "_catalog")) {
        dropDatabase(primary, db);
        auditDbs.add(primary + db + "?user=root&password=");
      }
      recreateDatabase(primary, database);
      Map<String, String> env = new LinkedHashMap<>();
      if (sharded) {
        for (int i = 0; i < 2; i++) {
          String shard = database + "_orders_" + i;
          recreateDatabase(shardServer, shard);
          env.put("BAZAAR_SHARD_" + i + "_HOST", mariaDbHost);
          env.put("BAZAAR_SHARD_" + i + "_PORT", Integer.toString(mariaDbPort));
          env.put("BAZAAR_SHARD_" + i + "_DATABASE", shard);
          auditDbs.add(shardServer + shard + "?user=root&password=");
        }
      }
      int port = AppNode.freePort();
      env.put("BAZAAR_CLUSTER_DB", database);
      env.put("BAZAAR_CLUSTER_PORT", Integer.toString(port));
      // the _user and _catalog databases exist only where the profiles split them out
      return scripted("cluster", stage, profiles, profiles, env, port, () -> existing(auditDbs),
          Integer.toString(nodes));
    }

    /**
     * {@code bin/services start C W}: the services deployment (stage 14), W web instances behind
     * nginx and C catalog instances, on fresh databases of their own (the web role's and the
     * catalog role's), with the given profiles beside {@code services}.
     */
    Stage.Deployment services(String stage, int catalogs, int webs, String profiles)
        throws IOException, InterruptedException {
      String database = "bazaar_evolution_" + stage.replace('-', '_');
      String server = "jdbc:mariadb://" + mariaDbHost + ":" + mariaDbPort + "/";
      List<String> auditDbs = new ArrayList<>();
      for (String db : List.of(database, database + "_catalog")) {
        recreateDatabase(server, db);
        auditDbs.add(server + db + "?user=root&password=");
      }
      int port = AppNode.freePort();
      Map<String, String> env = new LinkedHashMap<>();
      env.put("BAZAAR_SERVICES_DB", database);
      env.put("BAZAAR_SERVICES_PORT", Integer.toString(port));
      return scripted("services", stage, profiles, "services," + profiles, env, port, () -> auditDbs,
          Integer.toString(catalogs), Integer.toString(webs));
    }

    /**
     * {@code bin/<name> start <startArgs>} with the stage's profiles and node settings beside the
     * script's own {@code env}, its output in the stage's {@code <name>.log}; the deployment
     * answers on {@code port} and runs {@code bin/<name> stop} when closed.
     */
    private Stage.Deployment scripted(String name, String stage, String profiles, String profilesShown,
        Map<String, String> env, int port, Supplier<List<String>> auditDbs, String... startArgs)
        throws IOException, InterruptedException {
      List<String> nodeArgs = new ArrayList<>(NODE_SETTINGS);
      nodeArgs.addAll(sharedStateSettings(stage));
      env.put("BAZAAR_PROFILES", profiles);
      env.put("BAZAAR_NODE_ARGS", String.join(" ", nodeArgs));
      Path log = runs.resolve(stage).resolve(name + ".log");
      Files.createDirectories(log.getParent());
      out.println("[" + stage + "] bin/" + name + " start " + String.join(" ", startArgs) + " with profiles "
          + profilesShown + " (log " + log + ")");
      script(name, log, env, "stop");
      List<String> start = new ArrayList<>(List.of("start"));
      start.addAll(List.of(startArgs));
      if (script(name, log, env, start.toArray(String[]::new)) != 0) {
        script(name, log, env, "stop");
        throw new IOException("bin/" + name + " start failed; see " + log + " and data/" + name + "/*.log");
      }
      URI target = URI.create("http://127.0.0.1:" + port);
      return new Stage.Deployment() {
        @Override
        public URI target() {
          return target;
        }

        @Override
        public List<String> auditDbs() {
          return auditDbs.get();
        }

        @Override
        public void close() throws IOException, InterruptedException {
          script(name, log, env, "stop");
        }
      };
    }

    private int script(String name, Path log, Map<String, String> env, String... args)
        throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of(repo.resolve("bin").resolve(name).toString()));
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putAll(env);
      return pb.start().waitFor();
    }

    /**
     * For stages with Redis (whose profile also puts the flash-sale stock there: an in-memory
     * counter is one node's alone): Redis keys, exchanges and queues named after the stage, so
     * stages and earlier runs never meet.
     */
    static List<String> sharedStateSettings(String stage) {
      String ns = "bazaar-evolution-" + stage;
      return List.of("--bazaar.redis.namespace=" + ns, "--bazaar.bus.prefix=" + ns,
          "--bazaar.flash.queue.name=" + ns + ".flash");
    }

    private static List<String> existing(List<String> urls) {
      List<String> found = new ArrayList<>();
      for (String url : urls) {
        int slash = url.lastIndexOf('/');
        String database = url.substring(slash + 1, url.indexOf('?'));
        try (Connection c = DriverManager.getConnection(url.substring(0, slash + 1) + "?user=root&password=");
             var ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
          ps.setString(1, database);
          try (var rs = ps.executeQuery()) {
            if (rs.next()) {
              found.add(url);
            }
          }
        } catch (SQLException e) {
          found.add(url); // let the audit say what is wrong with it
        }
      }
      return found;
    }

    private static void dropDatabase(String server, String database) throws IOException {
      try (Connection c = DriverManager.getConnection(server + "?user=root&password=");
           Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database);
      } catch (SQLException e) {
        throw new IOException("cannot drop database " + database + " on " + server + ": " + e.getMessage(), e);
      }
    }

    private Stage.Deployment node(String stage, List<String> args, List<String> auditDbs)
        throws IOException, InterruptedException {
      args = new ArrayList<>(args);
      args.addAll(NODE_SETTINGS);
      Path log = runs.resolve(stage).resolve("app.log");
      out.println("[" + stage + "] starting " + appJar.getFileName() + " " + String.join(" ", args) + " (log " + log + ")");
      AppNode node = AppNode.start(appJar, args, log, START_TIMEOUT);
      return new Stage.Deployment() {
        @Override
        public URI target() {
          return node.base();
        }

        @Override
        public List<String> auditDbs() {
          return auditDbs;
        }

        @Override
        public void close() throws InterruptedException {
          node.close();
        }
      };
    }

    private static void recreateDatabase(String server, String database) throws IOException {
      try (Connection c = DriverManager.getConnection(server + "?user=root&password=");
           Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database);
        s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      } catch (SQLException e) {
        throw new IOException("cannot create database " + database + " on " + server + ": " + e.getMessage(), e);
      }
    }
  }

  /** A stage's outcome: its result tree, or why it was skipped or failed. */
  record Outcome(Stage stage, Map<String, Object> result, String skipped) {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> loadArgs = new ArrayList<>(LOAD_DEFAULTS);
    List<String> wanted = null;
    Path appJar = Path.of("bazaar-app", "target", "bazaar.jar");
    Path repo = Path.of(".");
    Path report = Path.of("docs");
    Path runs = Path.of("target", "evolution");
    String mariaDb = "127.0.0.1:3306";
    int stormBuyers = 500;
    int stormUnits = 100;
    boolean hosted = false;
    List<String> experiments = null;
    HostSize hostSize = HostSize.parse("0.25cpu/1g");
    HostSize supportSize = HostSize.parse("0.5cpu/1g");
    HostSize saturatedSize = HostSize.parse("0.05cpu/1g");
    long periodMicros = HostLayer.DEFAULT_PERIOD_MICROS;
    List<Integer> clusterSizes = List.of(1, 2, 4);
    Hosting.Ports ports = Hosting.Ports.ANY;
    int repeats = 3;
    try {
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if ("--help".equals(name) || "-h".equals(name)) {
          out.printf(USAGE, Stages.all().stream().map(Stage::id).collect(Collectors.joining(",")),
              String.join(",", Experiments.IDS));
          return LoadTool.OK;
        }
        if ("--hosts".equals(name)) {
          hosted = true;
          // a JVM in a small quota warms slowly: its first run is warmed this long per app node (see
          // warmupOf). Right after the defaults, so a --warmup of the user's, in either form, counts.
          loadArgs.addAll(LOAD_DEFAULTS.size(), List.of("--warmup", HOSTS_WARMUP));
          continue;
        }
        boolean ours = List.of("--stages", "--app-jar", "--repo", "--report", "--runs", "--mariadb", "--storm-buyers",
            "--storm-units", "--experiments", "--host-size", "--support-size", "--saturated-size", "--host-period", "--cluster-sizes",
            "--host-ports", "--repeat").contains(name);
        if (!ours) {
          loadArgs.add(name);
          continue;
        }
        if (i + 1 >= args.length) {
          throw new BenchConfig.BadArguments(name + " needs a value");
        }
        String value = args[++i];
        switch (name) {
          case "--stages" -> wanted = "none".equals(value) ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
          case "--experiments" -> experiments = Arrays.stream(value.split(",")).map(String::trim).toList();
          case "--host-size" -> hostSize = size(name, value);
          case "--support-size" -> supportSize = size(name, value);
          case "--saturated-size" -> saturatedSize = size(name, value);
          case "--host-period" -> periodMicros = count(name, value, 1) * 1000L;
          case "--cluster-sizes" -> clusterSizes = clusterSizes(value);
          case "--host-ports" -> ports = Hosting.Ports.parse(value);
          case "--repeat" -> repeats = count(name, value, 1);
          case "--app-jar" -> appJar = Path.of(value);
          case "--repo" -> repo = Path.of(value);
          case "--report" -> report = Path.of(value);
          case "--runs" -> runs = Path.of(value);
          case "--storm-buyers" -> stormBuyers = count(name, value, 0);
          case "--storm-units" -> stormUnits = count(name, value, 1);
          default -> mariaDb = value;
        }
      }
      if (periodMicros > 1_000_000) {
        throw new BenchConfig.BadArguments("--host-period must be between 1 and 1000 ms");
      }
      List<Experiments.Experiment> chosen = Experiments.select(experiments, clusterSizes);
      List<Stage> stages = select(wanted == null && hosted ? List.of() : wanted);
      if (loadArgs.stream().anyMatch(a -> a.startsWith("--target") || a.startsWith("--audit-db"))) {
        throw new BenchConfig.BadArguments("--target and --audit-db are set per stage by the evolution itself");
      }
      BenchConfig load = BenchConfig.parse(loadArgs.toArray(String[]::new));
      String[] hostPort = mariaDb.split(":");
      if (hostPort.length != 2 || !hostPort[1].matches("\\d{1,5}")) {
        throw new BenchConfig.BadArguments("--mariadb must be host:port, not '" + mariaDb + "'");
      }
      Context context = new Context(appJar, repo, runs, hostPort[0], Integer.parseInt(hostPort[1]), out,
          stormBuyers, stormUnits);
      HostLayer layer = null;
      if (hosted) {
        try {
          layer = HostLayer.open(periodMicros, out);
          out.println("bazaar-bench evolution: hosts are groups of " + layer.version() + " under " + layer.runGroup()
              + ", CFS period " + periodMicros / 1000.0 + " ms");
        } catch (HostLayer.Unavailable e) {
          out.println("bazaar-bench evolution: " + e.getMessage() + "; running the stages as before, without hosts");
          stages = select(wanted);
        }
      }
      List<Outcome> outcomes = runStages(stages, load, context);
      List<HostsReport.Outcome> found = List.of();
      HostsReport.Setting setting = null;
      if (layer != null) {
        Hosting hosting = new Hosting(layer, context, hostSize, supportSize, saturatedSize, ports);
        setting = new HostsReport.Setting(layer.version(), periodMicros, hostSize, supportSize, saturatedSize,
            loadAverage(), repeats);
        try {
          found = runExperiments(chosen, load, context, hosting, repeats);
        } finally {
          hosting.close();
          layer.close();
        }
      }
      Files.createDirectories(report);
      Instant now = Instant.now();
      Path reportDir = report;
      Path runsDir = runs;
      java.util.function.Function<String, String> stageReport = id -> href(reportDir, runsDir.resolve(id).resolve("report.html"));
      String md = EvolutionReport.markdown(outcomes, load, now, stageReport);
      String html = EvolutionReport.html(outcomes, load, now, stageReport);
      if (setting != null) {
        md += "\n" + HostsReport.markdown(found, setting, load, clusterSizes, reportDir);
        html = html.replace("</body></html>", HostsReport.html(found, setting, load, clusterSizes, reportDir) + "</body></html>");
      }
      // --hosts alone keeps its own report beside the stage-by-stage one, which it would overwrite
      String name = setting != null && outcomes.isEmpty() ? "evolution-hosts" : "evolution";
      Files.writeString(report.resolve(name + ".md"), md, StandardCharsets.UTF_8);
      Files.writeString(report.resolve(name + ".html"), html, StandardCharsets.UTF_8);
      if (!outcomes.isEmpty()) {
        out.print(EvolutionReport.table(outcomes));
      }
      if (setting != null) {
        out.print(HostsReport.console(found));
      }
      out.println("wrote " + report.resolve(name + ".md") + " and " + report.resolve(name + ".html"));
      List<Map<String, Object>> results = new ArrayList<>();
      outcomes.stream().filter(o -> o.result() != null).forEach(o -> results.add(o.result()));
      found.forEach(f -> results.addAll(f.results().values()));
      boolean passed = results.stream().allMatch(Results::auditPassed);
      return results.isEmpty() ? LoadTool.RUN_FAILED : passed ? LoadTool.OK : LoadTool.AUDIT_FAILED;
    } catch (BenchConfig.BadArguments e) {
      err.println("bazaar-bench evolution: " + e.getMessage());
      err.println("try evolution --help");
      return LoadTool.BAD_ARGUMENTS;
    } catch (IOException e) {
      err.println("bazaar-bench evolution: " + e.getMessage());
      return LoadTool.RUN_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("bazaar-bench evolution: interrupted");
      return LoadTool.RUN_FAILED;
    }
  }

  private static HostSize size(String name, String value) {
    try {
      return HostSize.parse(value);
    } catch (IllegalArgumentException e) {
      throw new BenchConfig.BadArguments(name + ": " + e.getMessage());
    }
  }

  private static List<Integer> clusterSizes(String value) {
    List<Integer> sizes = Arrays.stream(value.split(",")).map(String::trim).map(v -> count("--cluster-sizes", v, 1)).toList();
    if (!sizes.contains(1)) {
      throw new BenchConfig.BadArguments("--cluster-sizes must include 1: the other sizes are compared with it");
    }
    return sizes;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * A storm variant's run: the mix warms the hosts up without their quota (and is audited), then
   * the storm's buyers log in and storm for the warm-up's length, still without quota, and the
   * quota applies for a sustained storm of the measured duration ({@link SustainedFlashStorm}: the buyers buy in sale after sale, most
   * answers sold out). The accounted window is the storm's alone, so its figures are per purchase.
   */
  private static Map<String, Object> storm(BenchConfig warmup, Hosting.Build build, Hosting hosting, Context context)
      throws Exception {
    Map<String, Object> result = new LinkedHashMap<>(LoadTool.measure(warmup, context.out()));
    int buyers = Math.max(1, context.stormBuyers());
    HostAccounting accounting = new HostAccounting(build.variantId(), build.hosts(), hosting.periodMicros());
    context.out().println("[" + build.variantId() + "] flash-sale storm in the hosts' quota: " + buyers
        + " buyers in sales of " + context.stormUnits() + " units, sustained for " + warmup.duration().toSeconds() + " s");
    SustainedFlashStorm.Result storm;
    try (SustainedFlashStorm.Ready ready = new SustainedFlashStorm(
        new FlashStorm(build.target().toString(), "admin", "admin-password", context.out()), context.out())
        .ready(buyers, context.stormUnits(), Math.min(200, buyers))) {
      context.out().println("[" + build.variantId() + "] the storm's warm-up, without quota: the mix did not run the purchase path");
      ready.storm(Collections.min(List.of(warmup.warmup(), STORM_WARMUP)), 0);
      accounting.opened();
      SustainedFlashStorm.Window window;
      try {
        window = ready.storm(warmup.duration(), 0);
      } finally {
        accounting.closed();
      }
      storm = ready.audit(window);
    }
    result.put("mixTotal", result.get("total"));
    result.put("total", Map.of("throughput", storm.purchasesPerSecond(), "p99Ms", storm.p99Ms(), "count", storm.purchases()));
    result.put("flashStorm", storm.asMap());
    result.put("hosts", accounting.report(storm.purchases()));
    // result.json and report.html are the warm-up mix's; the storm and its hosts' CPU go beside them
    Map<String, Object> stormFile = new LinkedHashMap<>(storm.asMap());
    stormFile.put("hosts", result.get("hosts"));
    Files.writeString(warmup.out().resolve("storm.json"),
        tools.jackson.databind.json.JsonMapper.builder().enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .build().writeValueAsString(stormFile), StandardCharsets.UTF_8);
    if (!storm.invariantsHold()) {
      result.put("audit", Map.of("passed", false, "problems", List.of("the storm's invariants broke")));
    }
    return result;
  }

  /**
   * An overload variant's run: the mix closed-loop finds the deployment's capacity (its good
   * answers per second, the hosts within their quota), then an open workload offers exactly that
   * rate, then {@link Experiments#OVERLOAD_FACTOR} times it. The run stands for the overloaded one,
   * with the protection figures beside it; each part's result.json and report.html are in
   * {@code capacity/}, {@code at-capacity/} and {@code overload/}.
   */
  private static Map<String, Object> overload(BenchConfig config, Hosting.Build build, Hosting hosting, Context context)
      throws Exception {
    Map<String, Object> capacityRun = part(config.closed(), "capacity", build, hosting, context);
    double capacity = Experiments.capacity(capacityRun);
    double answered = Experiments.throughput(capacityRun);
    if (!(capacity > 0)) {
      throw new IOException("no capacity measured (0 good answers/s closed-loop)");
    }
    context.out().println("[" + build.variantId() + "] capacity " + fmt(capacity) + " good answers/s (of "
        + fmt(answered) + " answers/s); offering it, then " + fmt(Experiments.OVERLOAD_FACTOR) + "× it");
    Map<String, Object> at = part(config.openAt(capacity), "at-capacity", build, hosting, context);
    Map<String, Object> over = part(config.openAt(capacity * Experiments.OVERLOAD_FACTOR), "overload", build, hosting, context);
    Map<String, Object> result = new LinkedHashMap<>(over);
    Map<String, Object> protection = new LinkedHashMap<>(Experiments.protection(capacity, at, over));
    protection.put("capacityAnswered", answered);
    Experiments.busiest(capacityRun).ifPresent(b -> protection.put("capacityBusiest", b));
    result.put("protection", protection);
    for (Map<String, Object> r : List.of(capacityRun, at)) {
      if (!Results.auditPassed(r)) { // an audit failed in any part fails the run
        result.put("audit", r.get("audit"));
        if (r.containsKey("dbAudit")) {
          result.put("dbAudit", r.get("dbAudit"));
        }
      }
    }
    return result;
  }

  private static Map<String, Object> part(BenchConfig config, String name, Hosting.Build build, Hosting hosting,
                                          Context context) throws IOException, InterruptedException {
    BenchConfig run = config.against(build.target(), config.out().resolve(name), build.auditDbs());
    return LoadTool.measure(run, context.out(), new HostAccounting(build.variantId(), build.hosts(), hosting.periodMicros()));
  }

  /** Every experiment's variants, one after another, each on a fresh deployment in hosts, its hosts' CPU accounted. */
  private static List<HostsReport.Outcome> runExperiments(List<Experiments.Experiment> experiments, BenchConfig load,
                                                          Context context, Hosting hosting, int repeats) {
    List<HostsReport.Outcome> outcomes = new ArrayList<>();
    for (Experiments.Experiment e : experiments) {
      Map<String, Map<String, Object>> results = new LinkedHashMap<>();
      Map<String, List<Map<String, Object>>> allRuns = new LinkedHashMap<>();
      Map<String, String> skipped = new LinkedHashMap<>();
      context.out().println("[" + e.id() + "] " + e.title() + ": " + e.question());
      for (Experiments.Variant v : e.variants()) {
        Hosting.Build build = hosting.build(v.id());
        try (build) {
          v.launcher().launch(hosting, build);
          BenchConfig config = v.mix().map(load::withMix).orElse(load)
              .against(build.target(), context.runs().resolve(v.id()), build.auditDbs());
          context.out().println("[" + v.id() + "] " + v.label() + " in hosts " + build.hosts());
          List<Map<String, Object>> runs = new ArrayList<>();
          for (int r = 1; r <= repeats; r++) {
            Path out = repeats == 1 ? config.out() : config.out().resolve("run-" + r);
            BenchConfig run = config.against(build.target(), out, build.auditDbs())
                .withWarmup(warmupOf(r, config.warmup(), build.appNodes()));
            Map<String, Object> result = new LinkedHashMap<>(switch (v.measure()) {
              case STORM -> storm(run, build, hosting, context);
              case OVERLOAD -> overload(run, build, hosting, context);
              case MIX -> LoadTool.measure(run, context.out(), new HostAccounting(v.id(), build.hosts(), hosting.periodMicros()));
            });
            // where this run's own report.html is (an overload run's: its overloaded part's), for the report's links
            result.put("reportHtml", (v.measure() == Experiments.Measure.OVERLOAD ? out.resolve("overload") : out)
                .resolve("report.html").toAbsolutePath().toString());
            runs.add(result);
          }
          results.put(v.id(), Experiments.median(runs, e.perRun()));
          allRuns.put(v.id(), runs);
        } catch (Exception ex) {
          if (ex instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            skipped.put(v.id(), "interrupted");
            break;
          }
          context.out().println("[" + v.id() + "] failed: " + ex);
          skipped.put(v.id(), "failed: " + ex.getMessage());
        }
      }
      outcomes.add(new HostsReport.Outcome(e, results, skipped, e.figure().apply(results),
          Experiments.Spread.of(Experiments.figuresByRepetition(e, allRuns))));
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
    }
    return outcomes;
  }

  /**
   * The JIT of each app JVM warms with the requests it serves, and behind nginx each of N nodes
   * serves a share: the first measured run of a deployment is warmed for {@code warmup} per app
   * node, so every node has served about as much as a single node would have before its first
   * window (one node warmed 10 s used twice the CPU per request of one warmed 60 s). The nodes
   * stay up between repetitions, so a later run re-warms only for {@link #REWARM} (or less).
   */
  static Duration warmupOf(int repetition, Duration warmup, int appNodes) {
    if (repetition > 1) {
      return Collections.min(List.of(warmup, REWARM));
    }
    return warmup.multipliedBy(Math.max(1, appNodes));
  }

  private static int count(String name, String value, int min) {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > 100_000) {
        throw new BenchConfig.BadArguments(name + " must be between " + min + " and 100000, not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BenchConfig.BadArguments(name + " must be a whole number, not '" + value + "'");
    }
  }

  static List<Stage> select(List<String> wanted) {
    List<Stage> all = Stages.all();
    if (wanted == null) {
      return all;
    }
    List<String> known = all.stream().map(Stage::id).toList();
    for (String w : wanted) {
      if (!known.contains(w)) {
        throw new BenchConfig.BadArguments("unknown stage '" + w + "'; the stages are " + String.join(",", known));
      }
    }
    return all.stream().filter(s -> wanted.contains(s.id())).toList();
  }

  private static List<Outcome> runStages(List<Stage> stages, BenchConfig load, Context context) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Stage stage : stages) {
      Optional<String> missing = stage.needs().stream().map(n -> n.missing(context)).flatMap(Optional::stream).findFirst();
      if (missing.isPresent()) {
        context.out().println("[" + stage.id() + "] skipped: " + missing.get());
        outcomes.add(new Outcome(stage, null, missing.get()));
        continue;
      }
      context.out().println("[" + stage.id() + "] " + stage.title() + ": " + stage.adds());
      try (Stage.Deployment deployment = stage.launcher().launch(context)) {
        Path out = context.runs().resolve(stage.id());
        Map<String, Object> result = new LinkedHashMap<>(
            LoadTool.measure(load.against(deployment.target(), out, deployment.auditDbs()), context.out()));
        if (context.stormBuyers() > 0) {
          context.out().println("[" + stage.id() + "] flash-sale storm: " + context.stormBuyers() + " buyers, "
              + context.stormUnits() + " units");
          result.put("flashStorm", new FlashStorm(deployment.target().toString(), "admin", "admin-password", context.out())
              .run(context.stormBuyers(), context.stormUnits(), Math.min(200, context.stormBuyers())).asMap());
        }
        outcomes.add(new Outcome(stage, result, null));
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          outcomes.add(new Outcome(stage, null, "interrupted"));
          break;
        }
        context.out().println("[" + stage.id() + "] failed: " + e.getMessage());
        outcomes.add(new Outcome(stage, null, "failed: " + e.getMessage()));
      }
    }
    return outcomes;
  }

  /** A link from the report's directory to a file of the run (relative, so the two can move together); null if absent. */
  static String href(Path reportDir, Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    return reportDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
        .replace(java.io.File.separatorChar, '/');
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
  }
}
