package com.bazaar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Takes the node out of service the first time a request meets a {@link VirtualMachineError}
 * (OutOfMemoryError, StackOverflowError, InternalError): liveness BROKEN and readiness
 * REFUSING_TRAFFIC, so {@code /actuator/health} and its probes answer 503 and a balancer or
 * orchestrator takes the node out and restarts it. After such an error no part of the JVM can
 * be trusted (an embedded H2 closes itself on OutOfMemoryError), yet the exception handlers
 * would otherwise turn it into one 500 and the node would go on reporting UP.
 *
 * <p>Deliberately a second line: the launch scripts also start the JVM with
 * {@code -XX:+ExitOnOutOfMemoryError}, so an OutOfMemoryError anywhere (not only on a request
 * thread) ends the process, which a passive balancer like nginx notices at once.
 *
 * <p>It sees handler failures first (as the highest-precedence exception resolver, before
 * they become a 500 answer) and those of the filters ({@link FatalErrorFilter}).
 */
@Component
final class FatalErrors implements HandlerExceptionResolver, Ordered {
  private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);

  private final ApplicationEventPublisher events;
  private final AtomicBoolean broken = new AtomicBoolean();

  FatalErrors(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception failure) {
    inspect(failure);
    return null; // the usual handlers still answer this request
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** Marks the node broken if the failure is, or was caused by, a VirtualMachineError. */
  void inspect(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof VirtualMachineError fatal) {
        markBroken(fatal);
        return;
      }
    }
  }

  private void markBroken(VirtualMachineError fatal) {
    if (!broken.compareAndSet(false, true)) {
      return;
    }
    log.error("fatal JVM error; this node now reports liveness BROKEN and refuses traffic until restarted", fatal);
    AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
    AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
  }
}
