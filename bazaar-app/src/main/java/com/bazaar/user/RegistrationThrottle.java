package com.bazaar.user;

import com.bazaar.platform.ratelimit.RateLimited;
import com.bazaar.platform.ratelimit.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * How many accounts one client address may create: {@code bazaar.rate-limits.registration}
 * (see docs/security.md), on the rate-limiter port, so with the Redis adapter the limit holds
 * for the whole cluster. Both sign-up doors (the API and the form) ask it before registering.
 */
@Component
public class RegistrationThrottle {
  static final String LIMIT = "registration";
  private final RateLimiter rateLimiter;

  RegistrationThrottle(RateLimiter rateLimiter) {
    this.rateLimiter = rateLimiter;
  }

  /** Takes one sign-up of the address's budget, or throws {@link RateLimited} with the wait. */
  public void admit(String clientAddress) {
    rateLimiter.tryAcquire(LIMIT, clientAddress).ifPresent(wait -> {
      throw new RateLimited(wait);
    });
  }
}
