package com.bazaar.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flash-sale storm workload: an admin creates an item and a sale of {@code --units}
 * units, {@code --buyers} fresh shoppers log in, then all press "buy" at once (one purchase
 * each, {@code --concurrency} in flight). It measures the front (purchase answers per second,
 * p99) and the back (orders per second until every accepted ticket is settled), and checks
 * the invariants: no more orders than units, one per buyer. The same run against a site
 * started with {@code --bazaar.flash.mode=naive} gives the baseline.
 *
 * <p>With {@code --duration} the storm is sustained ({@link SustainedFlashStorm}): the same
 * buyers press "buy" sale after sale for that long, so most answers are sold-out ones, as in a
 * real sale, and the figure is the admission rate rather than the warm-up of one second's work.
 *
 * <pre>java -jar bazaar-bench.jar flash-storm --target URL --buyers 1000 --units 100 --concurrency 200</pre>
 */
public final class FlashStorm {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** How long a set-up call waits out busy answers before the run stops. */
  private static final Duration BUSY_PATIENCE = Duration.ofMinutes(2);

  static final String USAGE = """
      Usage: java -jar bazaar-bench/target/bazaar-bench.jar flash-storm [options]

        --target URL        the Bazaar to storm            (default http://localhost:8080)
        --buyers N          fresh shoppers, one purchase each, all at once (default 1000)
        --units N           units on sale, limit 1 per buyer (default 100)
        --concurrency N     purchases in flight            (default 200)
        --admin USER:PASS   the admin who creates the item and the sale (default admin:admin-password)
        --duration D        sustained: for D (e.g. 30s, 2m) the same buyers buy in sale after sale
                            of --units units, each buyer once per sale, so most answers are sold out;
                            reports purchases/s answered, p50/p99 and counts by status
        --rate N            with --duration: send N purchases/s (latency counted from when each was
                            due) instead of as many as --concurrency allows
        --warmup D          with --duration: an unmeasured storm of D the same way first, so the
                            window starts on open connections and a warm JIT (default 5s, 0s: none)

      The site must let one address register and log in --buyers shoppers and send their
      purchases (start it with raised bazaar.rate-limits.login/login-user/registration/flash-purchase-ip
      permits, as bin/evolution does; sustained, also bazaar.rate-limits.flash-purchase-user,
      since each buyer buys about rate ÷ buyers times a second). Exit codes: 0 invariants hold, 1 broken, 2 bad arguments, 3 run failed.
      """;

  /** One storm's figures: the front (purchase answers) and the back (orders behind the queue). */
  public record Result(int buyers, int units, int accepted, int orders, int failedTickets, double purchasesPerSecond,
                       double p50Ms, double p99Ms, double maxMs, double ordersPerSecond, Map<String, Integer> statuses,
                       boolean invariantsHold) {

    public Map<String, Object> asMap() {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("buyers", buyers);
      m.put("units", units);
      m.put("accepted", accepted);
      m.put("orders", orders);
      m.put("failedTickets", failedTickets);
      m.put("purchasesPerSecond", Results.round(purchasesPerSecond));
      m.put("p50Ms", Results.round(p50Ms));
      m.put("p99Ms", Results.round(p99Ms));
      m.put("maxMs", Results.round(maxMs));
      m.put("ordersPerSecond", Results.round(ordersPerSecond));
      m.put("statuses", new java.util.TreeMap<>(statuses));
      m.put("invariantsHold", invariantsHold);
      return m;
    }
  }

  private final String adminUser;
  private final String adminPassword;
  private final java.io.PrintStream out;

  private final String target;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .executor(Executors.newFixedThreadPool(16)).build();

  FlashStorm(String target, String adminUser, String adminPassword, java.io.PrintStream out) {
    this.target = target;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The {@code flash-storm} command; answers its exit code. */
  static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
    Map<String, String> options = new HashMap<>(Map.of("--target", "http://localhost:8080", "--buyers", "1000",
        "--units", "100", "--concurrency", "200", "--admin", "admin:admin-password", "--duration", "", "--rate", "", "--warmup", ""));
    try {
      if (!BenchConfig.readOptions(args, options)) {
        out.print(USAGE);
        return LoadTool.OK;
      }
      int buyers = positive(options, "--buyers");
      int units = positive(options, "--units");
      int concurrency = positive(options, "--concurrency");
      String[] admin = options.get("--admin").split(":", 2);
      if (admin.length != 2) {
        throw new BenchConfig.BadArguments("--admin must be USER:PASSWORD");
      }
      String target = BenchConfig.parse("--target", options.get("--target")).target().toString();
      boolean sustained = !options.get("--duration").isEmpty();
      if (!sustained && !options.get("--rate").isEmpty()) {
        throw new BenchConfig.BadArguments("--rate needs --duration (a single storm sends every purchase at once)");
      }
      if (!sustained && !options.get("--warmup").isEmpty()) {
        throw new BenchConfig.BadArguments("--warmup needs --duration (a single storm is one burst)");
      }
      Duration warmup = options.get("--warmup").isEmpty() ? Duration.ofSeconds(5)
          : BenchConfig.duration("--warmup", options.get("--warmup"), true);
      Duration duration = sustained ? BenchConfig.duration("--duration", options.get("--duration"), false) : null;
      double rate = options.get("--rate").isEmpty() ? 0 : rate(options.get("--rate"));
      FlashStorm storm = new FlashStorm(target, admin[0], admin[1], out);
      if (sustained) {
        return new SustainedFlashStorm(storm, out).run(buyers, units, concurrency, warmup, duration, rate).invariantsHold()
            ? LoadTool.OK : LoadTool.AUDIT_FAILED;
      }
      Result r = storm.run(buyers, units, concurrency);
      return r.invariantsHold() ? LoadTool.OK : LoadTool.AUDIT_FAILED;
    } catch (BenchConfig.BadArguments e) {
      err.println("bazaar-bench flash-storm: " + e.getMessage());
      return LoadTool.BAD_ARGUMENTS;
    } catch (Exception e) {
      err.println("bazaar-bench flash-storm: run failed: " + e);
      return LoadTool.RUN_FAILED;
    }
  }

  private static double rate(String value) {
    try {
      double rate = Double.parseDouble(value);
      if (!(rate > 0 && rate <= 1_000_000)) {
        throw new BenchConfig.BadArguments("--rate must be above 0 and at most 1000000 purchases/s, not " + value);
      }
      return rate;
    } catch (NumberFormatException e) {
      throw new BenchConfig.BadArguments("--rate must be a number, not '" + value + "'");
    }
  }

  private static int positive(Map<String, String> options, String name) {
    try {
      int n = Integer.parseInt(options.get(name));
      if (n <= 0 || n > 100_000) {
        throw new BenchConfig.BadArguments(name + " must be between 1 and 100000, not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BenchConfig.BadArguments(name + " must be a whole number, not '" + options.get(name) + "'");
    }
  }

  Result run(int buyers, int units, int concurrency) throws Exception {
    String saleId = openSale(loginAdmin(), units);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<String> sessions = logInFreshBuyers(pool, buyers);
      out.printf(Locale.ROOT, "flash-storm: %d buyers logged in; sale %s of %d units%n", buyers, saleId, units);

      ConcurrentHistogram latency = new ConcurrentHistogram(3);
      Map<String, Integer> statuses = new ConcurrentHashMap<>();
      CountDownLatch start = new CountDownLatch(1);
      long t0 = System.nanoTime();
      List<Answer> answers = all(pool, buyers, i -> {
        start.await();
        long sent = System.nanoTime();
        Answer answer = purchase(saleId, sessions.get(i));
        latency.recordValue((System.nanoTime() - sent) / 1_000);
        statuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
        return answer;
      }, start);
      double frontSeconds = (System.nanoTime() - t0) / 1e9;

      Map<Integer, String> accepted = new HashMap<>();
      for (int i = 0; i < buyers; i++) {
        if (answers.get(i).status() == 202) {
          accepted.put(i, answers.get(i).body().get("ticket").asString());
        }
      }
      List<Integer> acceptedBuyers = new ArrayList<>(accepted.keySet());
      List<JsonNode> settled = all(pool, acceptedBuyers.size(), i -> {
        int buyer = acceptedBuyers.get(i);
        return awaitSettled(saleId, accepted.get(buyer), sessions.get(buyer));
      }, null);
      Set<String> orders = new HashSet<>();
      int failed = 0;
      for (JsonNode ticket : settled) {
        if ("ORDERED".equals(ticket.get("status").asString())) {
          orders.add(ticket.get("orderId").asString());
        } else {
          failed++;
        }
      }
      double backSeconds = (System.nanoTime() - t0) / 1e9;
      out.printf(Locale.ROOT,
          "flash-storm: purchases %d in %.2fs = %.0f req/s, p50 %.1fms p99 %.1fms max %.1fms, statuses %s%n",
          buyers, frontSeconds, buyers / frontSeconds, latency.getValueAtPercentile(50) / 1000.0,
          latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, statuses);
      out.printf(Locale.ROOT, "flash-storm: %d orders (%d failed tickets) settled after %.2fs = %.0f orders/s%n",
          orders.size(), failed, backSeconds, orders.size() / backSeconds);
      boolean ok = orders.size() <= units && orders.size() == accepted.size() - failed;
      out.println("flash-storm: invariants " + (ok ? "hold" : "BROKEN") + " (orders ≤ units, one per accepted buyer)");
      return new Result(buyers, units, accepted.size(), orders.size(), failed, buyers / frontSeconds,
          latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
          latency.getMaxValue() / 1000.0, orders.size() / backSeconds, Map.copyOf(statuses), ok);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  String loginAdmin() throws Exception {
    return login(adminUser, adminPassword);
  }

  /** A new item with {@code units} in stock and a running sale of them, limit 1 per buyer; answers the sale's id. */
  String openSale(String admin, int units) throws Exception {
    String categoryId = served("GET", "/api/categories", null, null, 200).body().get(0).get("id").asString();
    String itemId = served("POST", "/api/admin/items", admin, Map.of("title", "flash storm item", "description", "bench",
        "price", Map.of("amount", 19_900, "currency", "CNY"), "stock", units, "categoryId", categoryId), 201)
        .body().get("id").asString();
    return served("POST", "/api/admin/flash-sales", admin, Map.of("itemId", itemId,
        "price", Map.of("amount", 990, "currency", "CNY"), "stock", units, "limitPerUser", 1,
        "startsAt", Instant.now().minusSeconds(60).toString(), "endsAt", Instant.now().plusSeconds(3600).toString()), 201)
        .body().get("id").asString();
  }

  /** Registers {@code buyers} new shoppers and logs each in; answers their session ids. */
  List<String> logInFreshBuyers(ExecutorService pool, int buyers) throws Exception {
    String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    return all(pool, buyers, i -> {
      String name = "storm" + run + "_" + i;
      served("POST", "/api/users", null, Map.of("username", name, "password", "password-" + name,
          "email", name + "@example.com"), 201, 409); // 409: a busy answer's retry found it registered
      return login(name, "password-" + name);
    }, null);
  }

  Answer purchase(String saleId, String session) throws IOException, InterruptedException {
    return send("POST", "/api/flash-sales/" + saleId + "/purchase", session, Map.of("quantity", 1));
  }

  JsonNode awaitSettled(String saleId, String ticket, String session) throws Exception {
    for (int attempt = 0; attempt < 1200; attempt++) {
      Answer answer = send("GET", "/api/flash-sales/" + saleId + "/purchase/" + ticket, session, null);
      JsonNode status = answer.body().get("status");
      // A busy node's 503 (or any answer that is not a ticket) is not the ticket's state: ask again.
      if (answer.status() == 200 && status != null && !"QUEUED".equals(status.asString())) {
        return answer.body();
      }
      Thread.sleep(20); // polling a ticket, as a buyer's page would
    }
    throw new IOException("ticket " + ticket + " not settled after a minute");
  }

  private String login(String username, String password) throws Exception {
    Answer answer = served("POST", "/api/session", null, Map.of("username", username, "password", password), 200);
    if (answer.session() == null) {
      throw new IOException("login of " + username + " answered no session");
    }
    return answer.session();
  }

  /**
   * A set-up call (admin, registration, login) that must succeed: a busy node's 503 or 429 is
   * waited out after its {@code Retry-After} (a saturated database answers 503 rather than
   * queueing), any answer not {@code expected} stops the run with what it said.
   */
  Answer served(String method, String path, String session, Object body, int... expected)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + BUSY_PATIENCE.toNanos();
    while (true) {
      Answer answer = send(method, path, session, body);
      if (Arrays.stream(expected).anyMatch(status -> status == answer.status())) {
        return answer;
      }
      boolean busy = answer.status() == 503 || answer.status() == 429;
      if (!busy || System.nanoTime() > deadline) {
        throw new IOException(method + " " + path + " answered " + answer.status() + " (expected " + Arrays.toString(expected) + ")"
            + (busy ? " for " + BUSY_PATIENCE.toSeconds() + " s" : "") + ": " + answer.body());
      }
      Thread.sleep(answer.retryAfter().toMillis());
    }
  }

  private Answer send(String method, String path, String session, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path)).timeout(Duration.ofSeconds(60))
        .header("X-Requested-With", "XMLHttpRequest").header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (session != null) {
      request.header("Cookie", "SESSION=" + session);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String newSession = response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("SESSION=")).map(c -> c.substring(8, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst().orElse(session);
    return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()),
        newSession, response.headers().firstValue("Retry-After").orElse(""));
  }

  record Answer(int status, JsonNode body, String session, String retryAfterHeader) {
    /** The wait the answer asks for in whole seconds, at least 100 ms and at most 5 s (a date or nothing: 1 s). */
    Duration retryAfter() {
      try {
        long seconds = Long.parseLong(retryAfterHeader.trim());
        return seconds <= 0 ? Duration.ofMillis(100) : Duration.ofSeconds(Math.min(seconds, 5));
      } catch (NumberFormatException notSeconds) {
        return Duration.ofSeconds(1);
      }
    }
  }

  interface Call<T> {
    T call(int index) throws Exception;
  }

  static <T> List<T> all(ExecutorService pool, int count, Call<T> call, CountDownLatch start) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(pool.submit(() -> call.call(index)));
    }
    if (start != null) {
      start.countDown();
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get());
    }
    return results;
  }
}
