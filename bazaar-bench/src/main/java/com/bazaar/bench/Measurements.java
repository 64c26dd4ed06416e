package com.bazaar.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies in microseconds (3 significant digits), one histogram per action and one for all,
 * counts by HTTP status (0 = no answer), and a per-second series for the charts.
 */
public final class Measurements {

  /** Status recorded when no HTTP answer came back (connection refused, timeout...). */
  public static final int NO_ANSWER = 0;

  private final Map<Action, Histogram> byAction = new EnumMap<>(Action.class);
  private final Histogram total = histogram();
  // the answered ones only (not shed, not failed): overload protection is judged by these
  private final Histogram admitted = histogram();
  private final Map<Action, ConcurrentMap<Integer, LongAdder>> statuses = new EnumMap<>(Action.class);
  private final ConcurrentMap<Long, Second> seconds = new ConcurrentHashMap<>();
  private final long startNanos;
  private final AtomicLong endNanos = new AtomicLong();

  public Measurements(long startNanos) {
    this.startNanos = startNanos;
    for (Action a : Action.values()) {
      byAction.put(a, histogram());
      statuses.put(a, new ConcurrentHashMap<>());
    }
  }

  static Histogram histogram() {
    // auto-resizing, so an hour-long stall is recorded instead of throwing
    return new ConcurrentHistogram(3);
  }

  /** One finished action: latency counted from its intended start, finished at {@code endNanos}. */
  public void record(Action action, int status, long latencyMicros, long finishedNanos) {
    long micros = Math.max(1, latencyMicros);
    byAction.get(action).recordValue(micros);
    total.recordValue(micros);
    if (!isError(status)) {
      admitted.recordValue(micros);
    }
    statuses.get(action).computeIfAbsent(status, s -> new LongAdder()).increment();
    long second = Math.max(0, (finishedNanos - startNanos) / 1_000_000_000L);
    Second s = seconds.computeIfAbsent(second, k -> new Second());
    s.latencies.recordValue(micros);
    if (isError(status)) {
      s.errors.increment();
    }
    endNanos.accumulateAndGet(finishedNanos, Math::max);
  }

  public static boolean isError(int status) {
    return status < 200 || status >= 400;
  }

  public Histogram histogram(Action action) {
    return byAction.get(action);
  }

  public Histogram total() {
    return total;
  }

  /** The latencies of the actions answered without an error: what the admitted requests saw. */
  public Histogram admitted() {
    return admitted;
  }

  public Map<Integer, Long> statuses(Action action) {
    Map<Integer, Long> out = new TreeMap<>();
    statuses.get(action).forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long errors(Action action) {
    return statuses(action).entrySet().stream().filter(e -> isError(e.getKey())).mapToLong(Map.Entry::getValue).sum();
  }

  public long errors() {
    long sum = 0;
    for (Action a : Action.values()) {
      sum += errors(a);
    }
    return sum;
  }

  /** Seconds from the start of measurement to the last recorded completion (at least 1 ms). */
  public double elapsedSeconds(long nowNanos) {
    return Math.max(1e-3, (nowNanos - startNanos) / 1e9);
  }

  public long startNanos() {
    return startNanos;
  }

  /** The completed seconds, in order, each with its count, errors and p99. */
  public Map<Long, SecondView> series() {
    Map<Long, SecondView> out = new TreeMap<>();
    seconds.forEach((k, s) -> out.put(k, s.view()));
    return out;
  }

  public SecondView second(long index) {
    Second s = seconds.get(index);
    return s == null ? new SecondView(0, 0, 0) : s.view();
  }

  public record SecondView(long count, long errors, double p99Millis) {}

  private static final class Second {
    final Histogram latencies = histogram();
    final LongAdder errors = new LongAdder();

    SecondView view() {
      long count = latencies.getTotalCount();
      return new SecondView(count, errors.sum(), count == 0 ? 0 : latencies.getValueAtPercentile(99) / 1000.0);
    }
  }
}
