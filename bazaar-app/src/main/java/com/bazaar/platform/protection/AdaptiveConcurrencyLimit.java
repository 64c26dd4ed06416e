package com.bazaar.platform.protection;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limiter.LifoBlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How many requests may work on the database at once: Netflix concurrency-limits' gradient
 * limit (Gradient2) over windows of at least 10 samples and 1 s. While the latency of a window
 * stays within 1.5× its long-run average and the limit is in use, the limit grows by up to 4
 * per window; when latency climbs, the limit shrinks towards {@code min-limit} (queueing in
 * the pool or on the CPU shows as latency before it shows as errors). Past the limit a request
 * waits in a short LIFO queue (the newest waiter is the one whose client is still there);
 * when the queue is full the answer is an immediate refusal, never a wait.
 */
final class AdaptiveConcurrencyLimit {
  private final SimpleLimiter<Void> limit;
  private final Limiter<Void> withQueue;

  AdaptiveConcurrencyLimit(ProtectionProperties.Shedding shedding, LongSupplier nanoClock) {
    this.limit = SimpleLimiter.newBuilder()
        .named("database-paths")
        .nanoClock(nanoClock)
        .limit(WindowedLimit.newBuilder().build(Gradient2Limit.newBuilder()
            .initialLimit(shedding.initialLimit())
            .minLimit(shedding.minLimit())
            .maxConcurrency(shedding.maxLimit())
            .build()))
        .build();
    this.withQueue = LifoBlockingLimiter.newBuilder(limit)
        .backlogSize(shedding.queueLength())
        .backlogTimeoutMillis(shedding.queueWait().toMillis())
        .build();
  }

  /**
   * A permit at once, or after waiting in the queue at most {@code queue-wait}; empty when the
   * queue is full (at once) or the wait ran out. The holder must call {@code onSuccess} (the
   * latency counts) or {@code onIgnore} (it does not) exactly once.
   */
  Optional<Limiter.Listener> acquire() {
    return withQueue.acquire(null);
  }

  int limit() {
    return limit.getLimit();
  }

  int inFlight() {
    return limit.getInflight();
  }
}
