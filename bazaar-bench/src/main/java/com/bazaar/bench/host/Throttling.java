package com.bazaar.bench.host;

/** A host's CFS bandwidth counters: periods it ran in, periods it ran out of quota in, the time it waited. */
public record Throttling(long periods, long throttledPeriods, long throttledNanos) {

  /** What happened between an earlier reading and this one. */
  public Throttling since(Throttling earlier) {
    return new Throttling(periods - earlier.periods, throttledPeriods - earlier.throttledPeriods,
        throttledNanos - earlier.throttledNanos);
  }
}
