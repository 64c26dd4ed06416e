package com.bazaar.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The slowest answer of each 100 ms of a window, by when its request was sent (or due), so a
 * tail reads as a few stalls at named moments (a window's start, one second-long retry) or as a
 * latency spread over the whole window — which a p99 alone cannot tell apart.
 */
final class SlowestMoments {

  private static final long SLOT_NANOS = 100_000_000L;

  private final long start;
  private final AtomicLongArray slowestMicros;

  SlowestMoments(long startNanos, Duration window) {
    this.start = startNanos;
    this.slowestMicros = new AtomicLongArray((int) (window.toNanos() / SLOT_NANOS) + 2);
  }

  void record(long sentNanos, long latencyMicros) {
    int slot = (int) Math.max(0, Math.min((sentNanos - start) / SLOT_NANOS, slowestMicros.length() - 1));
    slowestMicros.accumulateAndGet(slot, latencyMicros, Math::max);
  }

  /** "at 11.5s 1025ms, at 0.3s 237ms, …": the {@code n} slowest 100 ms, slowest first. */
  String slowest(int n) {
    return IntStream.range(0, slowestMicros.length()).filter(i -> slowestMicros.get(i) > 0).boxed()
        .sorted(Comparator.comparingLong(slowestMicros::get).reversed()).limit(n)
        .map(i -> String.format(Locale.ROOT, "at %.1fs %.0fms", i / 10.0, slowestMicros.get(i) / 1000.0))
        .collect(Collectors.joining(", "));
  }
}
