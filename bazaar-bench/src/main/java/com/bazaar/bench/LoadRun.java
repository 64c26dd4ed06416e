package com.bazaar.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

/**
 * Drives actions at an open (fixed arrival rate) or closed (N looping users) workload and records
 * them. Only actions that were meant to start after the warm-up are measured.
 */
public final class LoadRun {

  /** Does one action as one shopper; answers the action done and its HTTP status. */
  public interface Step extends BiFunction<Integer, Action, Workload.Outcome> {}

  /**
   * Told when the measured window opens (the warm-up is over) and when it has closed (every
   * measured action has answered), e.g. to read the hosts' CPU counters at exactly those moments.
   */
  public interface Window {
    Window NONE = new Window() {};

    default void opened() {}

    default void closed() {}

    /** What the window saw, added to the run's result under {@code hosts}; empty for none. */
    default java.util.Map<String, Object> report(Measurements m) {
      return java.util.Map.of();
    }
  }

  private final BenchConfig config;
  private final PrintStream out;
  private final Window window;

  public LoadRun(BenchConfig config, PrintStream out) {
    this(config, out, Window.NONE);
  }

  public LoadRun(BenchConfig config, PrintStream out, Window window) {
    this.config = config;
    this.out = out;
    this.window = window;
  }

  /**
   * Open workload: action {@code i} is meant to start at {@code t0 + i/rate}. Its latency is
   * counted from that intended start, not from when a thread got round to sending it, so a
   * stalled server (or a saturated tool) shows as the queueing delay a real user would see,
   * instead of silently lowering the rate (coordinated omission).
   */
  public Measurements open(int shoppers, Step step) throws InterruptedException {
    Random random = new Random(config.seed());
    long t0 = System.nanoTime() + 50_000_000L;
    long measureStart = t0 + config.warmup().toNanos();
    long end = measureStart + config.duration().toNanos();
    Measurements m = new Measurements(measureStart);
    int threads = (int) Math.max(32, Math.min(512, config.rate() * 2));
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("bench-open"));
    ScheduledExecutorService progress = progress(m);
    openWindowAt(progress, measureStart);
    double periodNanos = 1e9 / config.rate();
    try {
      for (long i = 0; ; i++) {
        long intended = t0 + (long) (i * periodNanos);
        if (intended - end >= 0) {
          break;
        }
        Action action = config.mix().next(random);
        int shopper = (int) (i % shoppers);
        waitUntil(intended);
        pool.execute(() -> {
          Workload.Outcome outcome = step.apply(shopper, action);
          long finished = System.nanoTime();
          if (intended - measureStart >= 0) {
            m.record(outcome.action(), outcome.status(), (finished - intended) / 1000, finished);
          }
        });
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(2, TimeUnit.MINUTES);
      pool.shutdownNow();
      progress.shutdownNow();
      progress.awaitTermination(10, TimeUnit.SECONDS); // an opening in progress finishes before the closing
    }
    window.closed();
    return m;
  }

  /**
   * Closed workload: {@code users} threads, each doing one action after another with no think time,
   * but waiting as long as a refusal's {@code Retry-After} asks (a 503 shed, a 429), as a person or
   * a well-behaved client does: a user who tried again at once would turn every refusal into the
   * next request, and the loop would measure how fast the shop can refuse. (The open workload's
   * arrivals are other shoppers: they keep coming whatever one of them was told.)
   */
  public Measurements closed(int users, Step step) throws InterruptedException {
    long t0 = System.nanoTime();
    long measureStart = t0 + config.warmup().toNanos();
    long end = measureStart + config.duration().toNanos();
    Measurements m = new Measurements(measureStart);
    ExecutorService pool = Executors.newFixedThreadPool(users, daemon("bench-user"));
    ScheduledExecutorService progress = progress(m);
    openWindowAt(progress, measureStart);
    try {
      for (int u = 0; u < users; u++) {
        int user = u;
        Random random = new Random(config.seed() + u);
        pool.execute(() -> {
          long start;
          while ((start = System.nanoTime()) - end < 0 && !Thread.currentThread().isInterrupted()) {
            Workload.Outcome outcome = step.apply(user, config.mix().next(random));
            long finished = System.nanoTime();
            if (start - measureStart >= 0) {
              m.record(outcome.action(), outcome.status(), (finished - start) / 1000, finished);
            }
            if (!outcome.retryAfter().isZero()) {
              waitUntil(finished + Math.min(outcome.retryAfter().toNanos(), end - finished));
            }
          }
        });
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(config.warmup().plus(config.duration()).toSeconds() + 120, TimeUnit.SECONDS);
      pool.shutdownNow();
      progress.shutdownNow();
      progress.awaitTermination(10, TimeUnit.SECONDS); // an opening in progress finishes before the closing
    }
    window.closed();
    return m;
  }

  /** Parks until {@code deadline} on the {@link System#nanoTime} clock (a park may wake early). */
  private static void waitUntil(long deadline) {
    long wait;
    while ((wait = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(wait);
    }
  }

  private void openWindowAt(ScheduledExecutorService s, long measureStart) {
    Future<?> unused = s.schedule(reported("opening the measured window", window::opened),
        Math.max(0, measureStart - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /**
   * A scheduled task's exception waits unread in its future, and ends a periodic task for good:
   * these tasks print theirs instead, and a periodic one goes on.
   */
  private Runnable reported(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        out.printf(Locale.ROOT, "%s failed: %s%n", what, e);
      }
    };
  }

  private ScheduledExecutorService progress(Measurements m) {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(daemon("bench-progress"));
    AtomicLong lastPrinted = new AtomicLong(-1);
    Future<?> unused = s.scheduleAtFixedRate(reported("printing progress", () -> {
      long sinceStart = System.nanoTime() - m.startNanos();
      if (sinceStart < 0) {
        out.printf(Locale.ROOT, "warmup %ds left%n", (-sinceStart + 999_999_999L) / 1_000_000_000L);
        return;
      }
      long last = sinceStart / 1_000_000_000L - 1; // the last complete second
      // every complete second not printed yet: a tick that comes late (a busy machine) skips none
      for (long second = lastPrinted.get() + 1; second <= last; second++) {
        lastPrinted.set(second);
        Measurements.SecondView v = m.second(second);
        double errPct = v.count() == 0 ? 0 : 100.0 * v.errors() / v.count();
        out.printf(Locale.ROOT, "t=%ds rps=%.1f err=%.1f%% p99=%.1fms%n", second + 1, (double) v.count(), errPct, v.p99Millis());
      }
    }), 1, 1, TimeUnit.SECONDS);
    return s;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Runs the configured mode over the workload's shoppers. */
  public Measurements run(Workload workload) throws InterruptedException {
    List<Shopper> shoppers = workload.shoppers();
    // the mix is drawn from the seeded random; which item or word an action picks need not repeat
    Step step = (shopper, action) ->
        workload.perform(shoppers.get(shopper % shoppers.size()), action, ThreadLocalRandom.current());
    return config.mode() == BenchConfig.Mode.OPEN
        ? open(shoppers.size(), step)
        : closed(config.users(), step);
  }
}
