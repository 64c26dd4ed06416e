package com.bazaar.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import tools.jackson.databind.JsonNode;

/**
 * {@code flash-storm --duration D}: flash-sale admission measured over a sustained storm, not one
 * second of work. The same buyers (logged in once) buy in sale after sale: purchase k goes to
 * sale k ÷ buyers, from buyer k mod buyers, so each sale sees every buyer once and answers
 * {@code --units} of them 202 and the rest 409 sold out, as a real sale does. The next sale is
 * opened while the current one runs. Closed (as many purchases as {@code --concurrency}
 * allows) or paced ({@code --rate}; latency then counts from when a purchase was due, so a
 * stalled node cannot hide its queue). Afterwards every accepted ticket is awaited and the
 * invariants audited: no sale accepted more than its units, no two tickets share an order. A
 * purchase the network failed counts as status {@code io-error}, not as a crash of the run.
 */
final class SustainedFlashStorm {

  /** The sustained storm's figures. */
  record Result(long purchases, double seconds, double purchasesPerSecond, double p50Ms, double p99Ms, double maxMs,
                Map<String, Integer> statuses, int sales, int accepted, int orders, int failedTickets,
                boolean invariantsHold) {}

  private record Accepted(String saleId, String session, String ticket) {}

  private final FlashStorm storm;
  private final PrintStream out;

  SustainedFlashStorm(FlashStorm storm, PrintStream out) {
    this.storm = storm;
    this.out = out;
  }

  Result run(int buyers, int units, int concurrency, Duration duration, double rate) throws Exception {
    String admin = storm.loginAdmin();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    ExecutorService saleOpener = Executors.newSingleThreadExecutor();
    try {
      List<String> sessions = storm.logInFreshBuyers(pool, buyers);
      Map<Long, CompletableFuture<String>> sales = new ConcurrentHashMap<>();
      SaleSource saleOf = round -> {
        // Opening the next sale while this one runs keeps the storm from waiting on the admin.
        sales.computeIfAbsent(round + 1, r -> CompletableFuture.supplyAsync(() -> open(admin, units), saleOpener));
        return sales.computeIfAbsent(round, r -> CompletableFuture.supplyAsync(() -> open(admin, units), saleOpener))
            .join();
      };
      saleOf.sale(0);
      out.printf(Locale.ROOT, "flash-storm: %d buyers logged in; sustained for %s, sales of %d units, %s%n", buyers,
          duration.toMillis() / 1000.0 + "s", units, rate > 0 ? "paced at " + rate + " purchases/s" : concurrency + " purchases in flight");

      ConcurrentHistogram latency = new ConcurrentHistogram(3);
      Map<String, Integer> statuses = new ConcurrentHashMap<>();
      Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
      AtomicLong next = new AtomicLong();
      long t0 = System.nanoTime();
      long end = t0 + duration.toNanos();
      List<CompletableFuture<Void>> workers = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        workers.add(CompletableFuture.runAsync(() -> {
          while (true) {
            long k = next.getAndIncrement();
            long due = rate > 0 ? t0 + (long) (k * 1e9 / rate) : System.nanoTime();
            if (due >= end) {
              return;
            }
            LockSupport.parkNanos(due - System.nanoTime());
            String saleId = saleOf.sale(k / buyers);
            String session = sessions.get((int) (k % buyers));
            long sent = rate > 0 ? due : System.nanoTime();
            FlashStorm.Answer answer = send(saleId, session);
            latency.recordValue(Math.max(0, System.nanoTime() - sent) / 1_000);
            statuses.merge(answer == null ? "io-error" : String.valueOf(answer.status()), 1, Integer::sum);
            if (answer != null && answer.status() == 202) {
              accepted.add(new Accepted(saleId, session, answer.body().get("ticket").asString()));
            }
          }
        }, pool));
      }
      CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
      double seconds = (System.nanoTime() - t0) / 1e9;
      long purchases = latency.getTotalCount();
      out.printf(Locale.ROOT,
          "flash-storm: %d purchases answered in %.1fs = %.0f purchases/s, p50 %.1fms p99 %.1fms max %.1fms, statuses %s%n",
          purchases, seconds, purchases / seconds, latency.getValueAtPercentile(50) / 1000.0,
          latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, new TreeMap<>(statuses));

      Result result = audit(pool, new ArrayList<>(accepted), units, sales.size(), purchases, seconds, latency, statuses);
      out.printf(Locale.ROOT, "flash-storm: %d sales opened; %d accepted, %d orders (%d failed tickets) settled%n",
          result.sales(), result.accepted(), result.orders(), result.failedTickets());
      out.println("flash-storm: invariants " + (result.invariantsHold() ? "hold" : "BROKEN")
          + " (per sale: accepted ≤ units, so no oversold sale; every settled ticket its own order)");
      return result;
    } finally {
      pool.shutdownNow();
      saleOpener.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private Result audit(ExecutorService pool, List<Accepted> accepted, int units, int sales, long purchases,
      double seconds, ConcurrentHistogram latency, Map<String, Integer> statuses) throws Exception {
    List<JsonNode> settled = FlashStorm.all(pool, accepted.size(), i -> {
      Accepted a = accepted.get(i);
      return storm.awaitSettled(a.saleId(), a.ticket(), a.session());
    }, null);
    Map<String, Integer> acceptedPerSale = new HashMap<>();
    accepted.forEach(a -> acceptedPerSale.merge(a.saleId(), 1, Integer::sum));
    Set<String> orders = new HashSet<>();
    int ordered = 0;
    int failed = 0;
    for (JsonNode ticket : settled) {
      if ("ORDERED".equals(ticket.get("status").asString())) {
        ordered++;
        orders.add(ticket.get("orderId").asString());
      } else {
        failed++;
      }
    }
    boolean ok = acceptedPerSale.values().stream().allMatch(n -> n <= units) && ordered == orders.size();
    return new Result(purchases, seconds, purchases / seconds, latency.getValueAtPercentile(50) / 1000.0,
        latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, Map.copyOf(statuses), sales,
        accepted.size(), orders.size(), failed, ok);
  }

  private String open(String admin, int units) {
    try {
      return storm.openSale(admin, units);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /** The answer, or null when the network failed (a refused or reset connection). */
  private FlashStorm.Answer send(String saleId, String session) {
    try {
      return storm.purchase(saleId, session);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private interface SaleSource {
    String sale(long round);
  }
}
