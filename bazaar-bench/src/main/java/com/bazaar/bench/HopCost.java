package com.bazaar.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost of a hop (stage 14, docs/services.md): the same cached item read, {@code GET
 * /api/items/{id}}, driven against the monolith (the {@code Catalog} call is in-JVM) and against a
 * services-layout web instance (the same call goes over HTTP to a catalog instance), in one run,
 * measured windows alternating between the two so that drift of the machine falls on both. Each
 * side reports throughput, p50/p99 and the CPU each named process spent per request (utime +
 * stime from {@code /proc/<pid>/stat}), so the hop's price shows as latency added and as CPU on
 * both ends of the call. Closed loop: {@code --concurrency} requests in flight, no think time.
 */
final class HopCost {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  static final String USAGE = """
      Usage: java -jar bazaar-bench/target/bazaar-bench.jar hop-cost [options]

        --monolith URL          a monolith node                       (required)
        --monolith-pids LIST    its process: PID or NAME=PID, comma-separated (required)
        --services URL          a web instance of the services layout (required; not nginx:
                                its edge cache would answer instead of the node)
        --services-pids LIST    the processes the read crosses, e.g. web=PID,catalog=PID (required)
        --concurrency N         requests in flight                    (default 4)
        --warmup D              unmeasured reads per side first, e.g. 20s (default 20s)
        --duration D            one measured window per side and round (default 30s)
        --rounds N              windows per side, alternating         (default 3)
        --out FILE              also write the figures as JSON

      Each side reads one item of its own catalog (the first of GET /api/items), so after the
      warm-up every read is a cache hit: what differs is the Catalog call, in-JVM or remote.
      Run it on a quiet machine; the figures are the lead's (docs/benchmarks.md).
      Exit codes: 0 every read answered 200, 1 some did not, 2 bad arguments, 3 run failed.
      """;

  /** One side of the comparison: where to read, and which processes to charge the CPU to. */
  record Side(String name, URI target, Map<String, Long> pids) {}

  /** One side's figures over all its measured windows. */
  record Figures(String side, long requests, long errors, double seconds, double throughput, double p50Ms,
                 double p99Ms, Map<String, Double> cpuMsPerRequest) {

    double totalCpuMsPerRequest() {
      return cpuMsPerRequest.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("requests", requests);
      m.put("errors", errors);
      m.put("seconds", Results.round(seconds));
      m.put("throughput", Results.round(throughput));
      m.put("p50Ms", Results.round(p50Ms));
      m.put("p99Ms", Results.round(p99Ms));
      Map<String, Object> cpu = new LinkedHashMap<>();
      cpuMsPerRequest.forEach((name, ms) -> cpu.put(name, Results.round(ms)));
      cpu.put("total", Results.round(totalCpuMsPerRequest()));
      m.put("cpuMsPerRequest", cpu);
      return m;
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final int concurrency;
  private final PrintStream out;

  private HopCost(int concurrency, PrintStream out) {
    this.concurrency = concurrency;
    this.out = out;
  }

  /** The {@code hop-cost} command; answers its exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = new LinkedHashMap<>(Map.of("--monolith", "", "--monolith-pids", "",
        "--services", "", "--services-pids", "", "--concurrency", "4", "--warmup", "20s", "--duration", "30s",
        "--rounds", "3", "--out", ""));
    try {
      if (!BenchConfig.readOptions(args, options)) {
        out.print(USAGE);
        return LoadTool.OK;
      }
      List<Side> sides = List.of(side("monolith", options), side("services", options));
      int concurrency = between(options, "--concurrency", 1, 1_000);
      int rounds = between(options, "--rounds", 1, 100);
      Duration warmup = BenchConfig.duration("--warmup", options.get("--warmup"), true);
      Duration duration = BenchConfig.duration("--duration", options.get("--duration"), false);
      String outFile = options.get("--out");
      List<Figures> figures = new HopCost(concurrency, out).measure(sides, warmup, duration, rounds);
      report(figures, out);
      if (!outFile.isEmpty()) {
        write(figures, concurrency, Path.of(outFile));
        out.println("wrote " + outFile);
      }
      return figures.stream().allMatch(f -> f.errors() == 0) ? LoadTool.OK : LoadTool.AUDIT_FAILED;
    } catch (BenchConfig.BadArguments e) {
      err.println("bazaar-bench hop-cost: " + e.getMessage());
      return LoadTool.BAD_ARGUMENTS;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("bazaar-bench hop-cost: interrupted");
      return LoadTool.RUN_FAILED;
    } catch (Exception e) {
      err.println("bazaar-bench hop-cost: run failed: " + e);
      return LoadTool.RUN_FAILED;
    }
  }

  private List<Figures> measure(List<Side> sides, Duration warmup, Duration duration, int rounds)
      throws IOException, InterruptedException {
    List<URI> reads = new ArrayList<>();
    for (Side side : sides) {
      reads.add(itemRead(side));
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      for (int s = 0; s < sides.size(); s++) {
        out.printf(Locale.ROOT, "hop-cost: warming up %s (%s) for %ds%n", sides.get(s).name(), reads.get(s),
            warmup.toSeconds());
        drive(pool, reads.get(s), warmup, new Histogram(3), new AtomicLong());
      }
      List<Histogram> latencies = new ArrayList<>();
      List<AtomicLong> errors = new ArrayList<>();
      List<Map<String, Long>> ticks = new ArrayList<>();
      double[] seconds = new double[sides.size()];
      for (Side side : sides) {
        latencies.add(new ConcurrentHistogram(3));
        errors.add(new AtomicLong());
        Map<String, Long> spent = new LinkedHashMap<>();
        side.pids().keySet().forEach(name -> spent.put(name, 0L));
        ticks.add(spent);
      }
      for (int round = 1; round <= rounds; round++) {
        for (int s = 0; s < sides.size(); s++) {
          Side side = sides.get(s);
          Map<String, Long> before = ticksOf(side);
          long start = System.nanoTime();
          drive(pool, reads.get(s), duration, latencies.get(s), errors.get(s));
          seconds[s] += (System.nanoTime() - start) / 1e9;
          Map<String, Long> after = ticksOf(side);
          Map<String, Long> spent = ticks.get(s);
          after.forEach((name, t) -> spent.merge(name, t - before.getOrDefault(name, t), Long::sum));
          out.printf(Locale.ROOT, "hop-cost: round %d/%d %s: %d reads%n", round, rounds, side.name(),
              latencies.get(s).getTotalCount());
        }
      }
      List<Figures> figures = new ArrayList<>();
      for (int s = 0; s < sides.size(); s++) {
        figures.add(figures(sides.get(s), latencies.get(s), errors.get(s).get(), seconds[s], ticks.get(s)));
      }
      return figures;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Figures figures(Side side, Histogram latency, long errors, double seconds, Map<String, Long> ticks) {
    long requests = latency.getTotalCount();
    Map<String, Double> cpu = new LinkedHashMap<>();
    ticks.forEach((name, t) -> cpu.put(name,
        requests == 0 ? 0 : t * (HostAccounting.TICK_NANOS / 1e6) / requests));
    return new Figures(side.name(), requests, errors, seconds, requests / seconds,
        latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, cpu);
  }

  /** The read to repeat: the first item of the side's own catalog, checked to answer 200. */
  private URI itemRead(Side side) throws IOException, InterruptedException {
    HttpResponse<String> page = get(side.target().resolve("/api/items?page=0&size=1"));
    if (page.statusCode() != 200) {
      throw new IOException(side.name() + ": GET /api/items answered " + page.statusCode());
    }
    JsonNode content = JSON.readTree(page.body()).path("content");
    if (content.isEmpty()) {
      throw new IOException(side.name() + ": the catalog has no items");
    }
    URI read = side.target().resolve("/api/items/" + content.get(0).get("id").asString());
    HttpResponse<String> item = get(read);
    if (item.statusCode() != 200) {
      throw new IOException(side.name() + ": GET " + read.getPath() + " answered " + item.statusCode());
    }
    return read;
  }

  /** {@code concurrency} loops reading {@code read} until the time is up; latencies in microseconds. */
  private void drive(ExecutorService pool, URI read, Duration time, Histogram latencies, AtomicLong errors)
      throws InterruptedException {
    long end = System.nanoTime() + time.toNanos();
    List<Future<?>> loops = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      loops.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          int status;
          try {
            status = get(read).statusCode();
          } catch (IOException e) {
            status = 0;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
          }
          latencies.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
          if (status != 200) {
            errors.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> loop : loops) {
      try {
        loop.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a reading loop failed", e.getCause());
      }
    }
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET()
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static Map<String, Long> ticksOf(Side side) throws IOException {
    Map<String, Long> ticks = new LinkedHashMap<>();
    for (Map.Entry<String, Long> pid : side.pids().entrySet()) {
      Optional<Long> t = HostAccounting.processTicks(pid.getValue());
      if (t.isEmpty()) {
        throw new IOException(side.name() + ": process " + pid.getKey() + " (pid " + pid.getValue() + ") is gone");
      }
      ticks.put(pid.getKey(), t.get());
    }
    return ticks;
  }

  private static void report(List<Figures> figures, PrintStream out) {
    out.printf(Locale.ROOT, "%-9s %9s %7s %10s %8s %8s  %s%n", "side", "requests", "errors", "req/s", "p50 ms",
        "p99 ms", "CPU ms per request");
    for (Figures f : figures) {
      StringBuilder cpu = new StringBuilder();
      f.cpuMsPerRequest().forEach((name, ms) -> cpu.append(String.format(Locale.ROOT, "%s %.3f, ", name, ms)));
      cpu.append(String.format(Locale.ROOT, "total %.3f", f.totalCpuMsPerRequest()));
      out.printf(Locale.ROOT, "%-9s %9d %7d %10.1f %8.2f %8.2f  %s%n", f.side(), f.requests(), f.errors(),
          f.throughput(), f.p50Ms(), f.p99Ms(), cpu);
    }
    Figures monolith = figures.get(0);
    Figures services = figures.get(1);
    out.printf(Locale.ROOT,
        "the hop: throughput ×%.2f of the monolith's, p50 %+.2f ms, p99 %+.2f ms, CPU %+.3f ms per request%n",
        services.throughput() / monolith.throughput(), services.p50Ms() - monolith.p50Ms(),
        services.p99Ms() - monolith.p99Ms(), services.totalCpuMsPerRequest() - monolith.totalCpuMsPerRequest());
  }

  private static void write(List<Figures> figures, int concurrency, Path file) throws IOException {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("workload", "GET /api/items/{id}, cache hit, closed loop");
    result.put("concurrency", concurrency);
    figures.forEach(f -> result.put(f.side(), f.asMap()));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
        .writeValueAsString(result), StandardCharsets.UTF_8);
  }

  private static Side side(String name, Map<String, String> options) {
    String url = options.get("--" + name);
    String pids = options.get("--" + name + "-pids");
    if (url.isEmpty() || pids.isEmpty()) {
      throw new BenchConfig.BadArguments("--" + name + " and --" + name + "-pids are required");
    }
    URI target = BenchConfig.parse("--target", url).target();
    Map<String, Long> named = new LinkedHashMap<>();
    for (String entry : pids.split(",")) {
      String[] parts = entry.trim().split("=", 2);
      String pid = parts[parts.length - 1];
      if (!pid.matches("[1-9][0-9]{0,9}")) {
        throw new BenchConfig.BadArguments("--" + name + "-pids: '" + entry + "' is not PID or NAME=PID");
      }
      String label = parts.length == 2 ? parts[0] : "pid " + pid;
      if (named.put(label, Long.parseLong(pid)) != null) {
        throw new BenchConfig.BadArguments("--" + name + "-pids names " + label + " twice");
      }
    }
    return new Side(name, target, java.util.Collections.unmodifiableMap(named));
  }

  private static int between(Map<String, String> options, String name, int min, int max) {
    try {
      int n = Integer.parseInt(options.get(name));
      if (n < min || n > max) {
        throw new BenchConfig.BadArguments(name + " must be between " + min + " and " + max + ", not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BenchConfig.BadArguments(name + " must be a whole number, not '" + options.get(name) + "'");
    }
  }
}
