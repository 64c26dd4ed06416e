package com.bazaar.platform.ratelimit;

import java.time.Duration;
import java.util.Optional;

/**
 * The rate-limit port: a token bucket per key (a user, an IP). A refused call learns how
 * long to wait, which the web edge turns into 429 with {@code Retry-After}.
 */
public interface RateLimiter {

  /** Takes one permit for the key; empty when granted, else how long until one frees up. */
  Optional<Duration> tryAcquire(String limit, String key);
}
