package com.bazaar.platform.ratelimit;

/**
 * One bucket of the token-bucket algorithm, as {@code ratelimit/token-bucket.lua} runs it in
 * Redis: at most {@code capacity} tokens, refilled continuously at {@code capacity} per period,
 * one taken per call; a refused call learns how long until one token is back. Refilling
 * continuously, not all at once at the end of a window, is what keeps a limit from granting
 * twice its permits around a window's edge.
 */
final class TokenBucket {
  private final double capacity;
  private final double periodNanos;
  private double tokens;
  private long at;

  TokenBucket(int capacity, long periodNanos, long now) {
    this.capacity = capacity;
    this.periodNanos = periodNanos;
    this.tokens = capacity;
    this.at = now;
  }

  /** Takes a token at {@code now} (nanoseconds): 0 when granted, else the nanoseconds until one is there. */
  synchronized long take(long now) {
    tokens = Math.min(capacity, tokens + Math.max(0, now - at) * capacity / periodNanos);
    at = Math.max(at, now);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) * periodNanos / capacity);
  }
}
