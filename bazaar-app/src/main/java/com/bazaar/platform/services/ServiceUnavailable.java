package com.bazaar.platform.services;

import com.bazaar.platform.Unavailable;
import java.time.Duration;

/**
 * A service of the services deployment did not answer (no instance registered, every attempt
 * failed, or its circuit breaker is open): 503 with {@code Retry-After}. A read changed nothing;
 * a write that timed out may still have been applied by the service (docs/services.md, Failure
 * semantics).
 */
public final class ServiceUnavailable extends Unavailable {
  public ServiceUnavailable(String service, Duration retryAfter) {
    super("refusal.unavailable.service", retryAfter, service);
  }
}
