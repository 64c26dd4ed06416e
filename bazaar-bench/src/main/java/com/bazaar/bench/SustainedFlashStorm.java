package com.bazaar.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * {@code --units} of them 202 and the rest 409 sold out, as a real sale does. The next sales are
 * opened while the current one runs, far enough ahead ({@link SalesAhead}) that a purchase does not
 * wait for its sale. Closed (as many purchases as {@code --concurrency}
 * allows) or paced ({@code --rate}; latency then counts from when a purchase was due, so a
 * stalled node cannot hide its queue). Afterwards every accepted ticket is awaited and the
 * invariants audited: no sale accepted more than its units, no two tickets share an order. A
 * purchase the network failed counts as status {@code io-error}, not as a crash of the run.
 */
final class SustainedFlashStorm {

  /** The sustained storm's figures. */
  record Result(long purchases, double seconds, double purchasesPerSecond, double p50Ms, double p99Ms, double maxMs,
                Map<String, Integer> statuses, int buyers, int units, int sales, int accepted, int orders,
                int failedTickets, boolean invariantsHold) {

    /** The keys of {@link FlashStorm.Result#asMap()} where they mean the same, and the sustained storm's own. */
    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sustained", true);
      m.put("buyers", buyers);
      m.put("units", units);
      m.put("sales", sales);
      m.put("purchases", purchases);
      m.put("seconds", Results.round(seconds));
      m.put("accepted", accepted);
      m.put("orders", orders);
      m.put("failedTickets", failedTickets);
      m.put("purchasesPerSecond", Results.round(purchasesPerSecond));
      m.put("p50Ms", Results.round(p50Ms));
      m.put("p99Ms", Results.round(p99Ms));
      m.put("maxMs", Results.round(maxMs));
      m.put("statuses", new TreeMap<>(statuses));
      m.put("invariantsHold", invariantsHold);
      return m;
    }
  }

  private record Accepted(String saleId, String session, String ticket) {}

  /** What one window of the storm answered, before the tickets are awaited. */
  record Window(long purchases, double seconds, ConcurrentHistogram latency, Map<String, Integer> statuses) {}

  private final FlashStorm storm;
  private final PrintStream out;

  SustainedFlashStorm(FlashStorm storm, PrintStream out) {
    this.storm = storm;
    this.out = out;
  }

  Result run(int buyers, int units, int concurrency, Duration warmup, Duration duration, double rate) throws Exception {
    try (Ready ready = ready(buyers, units, concurrency)) {
      if (!warmup.isZero()) {
        out.println("flash-storm: warm-up (not measured):");
        ready.storm(warmup, rate);
        out.println("flash-storm: measured:");
      }
      return ready.audit(ready.storm(duration, rate));
    }
  }

  /**
   * Logs the buyers in and opens the first sale: the work before the measured window, so that a
   * caller accounting CPU per purchase (bin/evolution's hosts) counts purchases, not sign-ups.
   */
  Ready ready(int buyers, int units, int concurrency) throws Exception {
    return new Ready(buyers, units, concurrency);
  }

  /** Buyers logged in, sales opening one ahead of the storm; closing it ends its threads. */
  final class Ready implements AutoCloseable {
    private final int buyers;
    private final int units;
    private final int concurrency;
    private final ExecutorService pool;
    private final SalesAhead sales = new SalesAhead(round -> openSale());
    private final Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private final AtomicLong next = new AtomicLong();
    private final String admin;
    private final List<String> sessions;

    private Ready(int buyers, int units, int concurrency) throws Exception {
      this.buyers = buyers;
      this.units = units;
      this.concurrency = concurrency;
      this.pool = Executors.newFixedThreadPool(concurrency);
      try {
        admin = storm.loginAdmin();
        sessions = storm.logInFreshBuyers(pool, buyers);
        sales.lead(0, 0, buyers);
      } catch (Exception | Error e) {
        close();
        throw e;
      }
    }

    private String openSale() {
      return open(admin, units);
    }

    /**
     * A window of purchases for {@code duration}, closed or paced at {@code rate} a second; a
     * second window goes on where the first stopped (a warm-up, then the measured one).
     */
    Window storm(Duration duration, double rate) {
      out.printf(Locale.ROOT, "flash-storm: %d buyers logged in; sustained for %s, sales of %d units, %s%n", buyers,
          duration.toMillis() / 1000.0 + "s", units, rate > 0 ? "paced at " + rate + " purchases/s" : concurrency + " purchases in flight");
      ConcurrentHistogram latency = new ConcurrentHistogram(3);
      // paced: how late each purchase left the load tool, so a tail of late sends (every worker
      // busy, or the tool itself descheduled) reads apart from a tail of slow answers
      ConcurrentHistogram sendLag = new ConcurrentHistogram(3);
      Map<String, Integer> statuses = new ConcurrentHashMap<>();
      long first = next.get();
      sales.lead(first / buyers, rate, buyers);
      sales.waitsSinceLast();
      long t0 = System.nanoTime();
      long end = t0 + duration.toNanos();
      SlowestMoments moments = new SlowestMoments(t0, duration);
      List<CompletableFuture<Void>> workers = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        workers.add(CompletableFuture.runAsync(() -> {
          while (true) {
            long k = next.getAndIncrement();
            long due = rate > 0 ? t0 + (long) ((k - first) * 1e9 / rate) : System.nanoTime();
            if (due >= end) {
              return;
            }
            LockSupport.parkNanos(due - System.nanoTime());
            String saleId = sales.sale(k / buyers);
            String session = sessions.get((int) (k % buyers));
            long sent = rate > 0 ? due : System.nanoTime();
            if (rate > 0) {
              sendLag.recordValue(Math.max(0, System.nanoTime() - due) / 1_000);
            }
            FlashStorm.Answer answer = send(saleId, session);
            long micros = Math.max(0, System.nanoTime() - sent) / 1_000;
            latency.recordValue(micros);
            moments.record(sent, micros);
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
      out.printf(Locale.ROOT, "flash-storm: slowest moments (the slowest answer sent in each 100 ms, from the window's start): %s%n",
          moments.slowest(3));
      SalesAhead.Waits waits = sales.waitsSinceLast();
      out.printf(Locale.ROOT, "flash-storm: %d purchases found their sale still opening (longest wait %.1fms)%n",
          waits.purchases(), waits.longestMs());
      if (rate > 0) {
        out.printf(Locale.ROOT, "flash-storm: sent after they were due by p50 %.1fms p99 %.1fms max %.1fms%n",
            sendLag.getValueAtPercentile(50) / 1000.0, sendLag.getValueAtPercentile(99) / 1000.0,
            sendLag.getMaxValue() / 1000.0);
      }
      return new Window(purchases, seconds, latency, Map.copyOf(statuses));
    }

    /**
     * Awaits every ticket accepted in any window and checks the invariants (no sale accepted more
     * than its units, no shared order); the figures are {@code measured}'s.
     */
    Result audit(Window measured) throws Exception {
      List<Accepted> accepted = new ArrayList<>(this.accepted);
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
      ConcurrentHistogram latency = measured.latency();
      Result result = new Result(measured.purchases(), measured.seconds(), measured.purchases() / measured.seconds(),
          latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
          latency.getMaxValue() / 1000.0, measured.statuses(), buyers, units, sales.opened(), accepted.size(),
          orders.size(), failed, ok);
      out.printf(Locale.ROOT, "flash-storm: %d sales opened; %d accepted, %d orders (%d failed tickets) settled%n",
          result.sales(), result.accepted(), result.orders(), result.failedTickets());
      out.println("flash-storm: invariants " + (result.invariantsHold() ? "hold" : "BROKEN")
          + " (per sale: accepted ≤ units, so no oversold sale; every settled ticket its own order)");
      return result;
    }

    @Override
    public void close() throws InterruptedException {
      pool.shutdownNow();
      sales.close();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
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
