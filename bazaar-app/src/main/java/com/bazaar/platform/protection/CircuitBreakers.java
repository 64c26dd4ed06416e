package com.bazaar.platform.protection;

import com.bazaar.platform.Conflict;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.NotFound;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Resilience4j circuit breakers by name, one per dependency (the payment provider, the search
 * index). A breaker counts only the dependency's failures: a client's mistake (4xx) says
 * nothing about the dependency's health. While open, calls fail at once instead of waiting on
 * a dead dependency, and the caller answers 503 or a degraded result. A failure that says
 * nothing about the dependency ({@link Uncounted}) is answered like any other but not counted.
 */
@Component
@EnableConfigurationProperties(ProtectionProperties.class)
public final class CircuitBreakers {
  private final CircuitBreakerRegistry registry;
  private final Duration openFor;

  public CircuitBreakers(ProtectionProperties properties) {
    ProtectionProperties.Breaker breaker = properties.breaker();
    this.openFor = breaker.openFor();
    this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .failureRateThreshold(breaker.failureRatePercent())
        .slidingWindowSize(breaker.window())
        .minimumNumberOfCalls(breaker.minimumCalls())
        .waitDurationInOpenState(breaker.openFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .ignoreExceptions(InvalidInput.class, Conflict.class, NotFound.class)
        .ignoreException(failure -> failure instanceof Uncounted)
        .build());
  }

  /**
   * A failure the breaker does not count: the caller still gets {@code unavailable}'s exception, but
   * the dependency was never reached, so it says nothing of its health (a remote service with no
   * instance known yet, {@code platform.services.RemoteCalls}). Counted, such failures could open the
   * breaker just as the dependency starts to answer.
   */
  public interface Uncounted {}

  /**
   * Runs the call through the named breaker; a failure of the dependency, or an open breaker,
   * becomes the exception that {@code unavailable} makes (a 503 for the web edge).
   */
  public <T> T call(String name, Supplier<T> call, Function<Duration, RuntimeException> unavailable) {
    CircuitBreaker breaker = registry.circuitBreaker(name);
    try {
      return breaker.executeSupplier(call);
    } catch (CallNotPermittedException open) {
      throw unavailable.apply(openFor);
    } catch (InvalidInput | Conflict | NotFound clientSide) {
      throw clientSide;
    } catch (RuntimeException failed) {
      throw unavailable.apply(Duration.ofSeconds(1));
    }
  }

  public CircuitBreaker.State state(String name) {
    return registry.circuitBreaker(name).getState();
  }
}
