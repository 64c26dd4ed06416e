package com.bazaar.platform.services;

import com.bazaar.platform.protection.CircuitBreakers;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * How a module API is called on another service: through the service's circuit breaker (its
 * failures open it; a client's 4xx, already turned back into the domain's exception, does not),
 * reads tried up to {@code bazaar.services.read-attempts} times when an instance did not answer
 * or failed (the balancer picks the next instance each time), writes tried once (a timed-out
 * write may have been applied; trying it again could apply it twice). A service that stays down
 * becomes {@link ServiceUnavailable}: a 503 to the shopper. Timeouts are the HTTP client's
 * ({@code bazaar.services.connect-timeout}, {@code read-timeout}).
 */
@Component
public final class RemoteCalls {
  private static final Logger log = LoggerFactory.getLogger(RemoteCalls.class);

  private final CircuitBreakers breakers;
  private final int readAttempts;

  RemoteCalls(CircuitBreakers breakers, ServicesProperties properties) {
    this.breakers = breakers;
    this.readAttempts = properties.readAttempts();
  }

  /** An idempotent call: retried on another instance when one fails. */
  public <T> T read(String service, Supplier<T> call) {
    return breakers.call(breakerOf(service), () -> tried(service, call, readAttempts),
        retryAfter -> new ServiceUnavailable(service, retryAfter));
  }

  /** A call that changes something: tried once. */
  public <T> T write(String service, Supplier<T> call) {
    return breakers.call(breakerOf(service), () -> tried(service, call, 1),
        retryAfter -> new ServiceUnavailable(service, retryAfter));
  }

  private static String breakerOf(String service) {
    return "service-" + service;
  }

  private static <T> T tried(String service, Supplier<T> call, int attempts) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ResourceAccessException | HttpServerErrorException failed) {
        // No answer (refused, timed out) or a 5xx, e.g. the balancer's 503 with no instance known.
        if (attempt >= attempts) {
          throw failed;
        }
        log.info("{} call failed ({}), attempt {} of {}", service, failed.getMessage(), attempt, attempts);
      }
    }
  }
}
