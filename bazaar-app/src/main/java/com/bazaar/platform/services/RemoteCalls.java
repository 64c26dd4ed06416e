package com.bazaar.platform.services;

import com.bazaar.platform.Conflict;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.NotFound;
import com.bazaar.platform.protection.CircuitBreakers;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

/**
 * How a module API is called on another service: through the service's circuit breaker (its
 * failures open it; a client's 4xx, already turned back into the domain's exception, does not),
 * reads tried up to {@code bazaar.services.read-attempts} times, after 100 ms then 200 ms, when an
 * instance did not answer or failed, or none was known (each attempt on an instance the call has
 * not failed on yet, while there is one: {@link TriedInstances}), writes tried once (a timed-out write may have been applied; trying it again could apply
 * it twice). A service that stays down
 * becomes {@link ServiceUnavailable}: a 503 to the shopper. Timeouts are the HTTP client's
 * ({@code bazaar.services.connect-timeout}, {@code read-timeout}).
 *
 * <p>A call that found no instance of the service at all (none has registered yet: a web instance
 * started before the catalog), or only one still starting ({@link ServiceReadiness}), is a 503 too,
 * but the breaker does not count it ({@link NoInstanceReady}): no instance failed. Counted, a web instance's index build, tried again while the catalog was
 * starting, opened the breaker, which then refused every catalog call for {@code open-for} after the
 * catalog had started to answer, even on the very call that succeeded (a closed breaker weighs each
 * answer against the failures in its window). Once an instance was known the balancer keeps its
 * address ({@link LastKnownInstances}): a whole service down is refused connections, which count.
 */
@Component
public final class RemoteCalls {
  private static final Logger log = LoggerFactory.getLogger(RemoteCalls.class);
  /** Between attempts of a read: 100 ms, then 200 ms — time for a registry view to catch up, not for a user to notice. */
  private static final Duration BACKOFF = Duration.ofMillis(100);

  private final CircuitBreakers breakers;
  private final int readAttempts;

  RemoteCalls(CircuitBreakers breakers, ServicesProperties properties) {
    this.breakers = breakers;
    this.readAttempts = properties.readAttempts();
  }

  /** An idempotent call: retried on another instance when one fails. */
  public <T> T read(String service, Supplier<T> call) {
    return breakers.call(breakerOf(service), () -> TriedInstances.during(() -> tried(service, call, readAttempts)),
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
      } catch (InvalidInput | Conflict | NotFound | HttpClientErrorException answered) {
        throw answered; // the service answered: the caller's mistake or the state, not a failure
      } catch (RuntimeException failed) {
        // No answer (refused, timed out), a 5xx, or no instance known yet (the balancer's
        // "No instances available" while a registry session starts or expires).
        if (attempt >= attempts) {
          log.warn("{} call failed ({}), attempt {} of {}: giving up", service, failed.toString(), attempt, attempts);
          throw NoInstanceReady.is(failed) ? new NoInstanceReady(service, failed) : failed;
        }
        log.info("{} call failed ({}), attempt {} of {}", service, failed.toString(), attempt, attempts);
        pause(BACKOFF.multipliedBy(attempt));
      }
    }
  }

  /**
   * No instance of the service was known to the balancer, or the one it chose is not ready yet
   * (or no longer: {@link ServiceReadiness}): no instance failed, so the breaker does not count it.
   */
  static final class NoInstanceReady extends RuntimeException implements CircuitBreakers.Uncounted {
    /** How Spring Cloud LoadBalancer's blocking client refuses a call when it has no instance to choose. */
    private static final String NO_INSTANCES = "No instances available for ";

    NoInstanceReady(String service, RuntimeException cause) {
      super("no instance of " + service + " ready", cause);
    }

    static boolean is(RuntimeException failure) {
      if (failure instanceof HttpServerErrorException.ServiceUnavailable unavailable) {
        return unavailable.getResponseHeaders() != null
            && unavailable.getResponseHeaders().getFirst(ServiceReadiness.NOT_READY) != null;
      }
      return failure instanceof IllegalStateException && failure.getMessage() != null
          && failure.getMessage().startsWith(NO_INSTANCES);
    }
  }

  private static void pause(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted between attempts", e);
    }
  }
}
