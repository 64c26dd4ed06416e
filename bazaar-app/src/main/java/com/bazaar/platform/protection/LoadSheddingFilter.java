package com.bazaar.platform.protection;

import com.bazaar.platform.web.ProblemResponses;
import com.bazaar.platform.web.SecurityHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.netflix.concurrency.limits.Limiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Load shedding in front of the database: the database-heavy paths (orders, cart, checkout)
 * run under an {@link AdaptiveConcurrencyLimit} that follows their latency, with a short
 * bounded queue behind it, so a burst on an idle node is absorbed; once the queue is full the
 * next request is answered 503 with {@code Retry-After} at once, so that under overload the
 * admitted requests stay fast instead of every request queueing for a connection until it
 * times out. The 503 carries the shop's {@link SecurityHeaders} like every other answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
final class LoadSheddingFilter extends OncePerRequestFilter {
  private final AdaptiveConcurrencyLimit limit;
  private final List<String> paths;
  private final Counter shed;

  @Autowired
  LoadSheddingFilter(ProtectionProperties properties, MeterRegistry meters) {
    this(properties.shedding(), new AdaptiveConcurrencyLimit(properties.shedding(), System::nanoTime), meters);
  }

  LoadSheddingFilter(ProtectionProperties.Shedding shedding, AdaptiveConcurrencyLimit limit) {
    this(shedding, limit, new SimpleMeterRegistry());
  }

  private LoadSheddingFilter(
      ProtectionProperties.Shedding shedding, AdaptiveConcurrencyLimit limit, MeterRegistry meters) {
    this.paths = List.copyOf(shedding.paths());
    this.limit = limit;
    this.shed = Counter.builder("bazaar.requests.shed").description("requests answered 503 by load shedding")
        .register(meters);
    // the limit over time shows whether it follows the database or drifts under a long overload
    Gauge.builder("bazaar.protection.limit", limit, AdaptiveConcurrencyLimit::limit)
        .description("requests the load shedding admits at once on the database paths").register(meters);
    Gauge.builder("bazaar.protection.in.flight", limit, AdaptiveConcurrencyLimit::inFlight)
        .description("requests admitted and not yet answered on the database paths").register(meters);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return paths.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Limiter.Listener> permit = limit.acquire();
    if (permit.isEmpty()) {
      shed.increment();
      // answered before Spring Security's chains, which would have written these
      SecurityHeaders.write(request, response);
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      if (request.getRequestURI().startsWith("/api/")) {
        ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "the shop is busy; retry in a moment");
      } else {
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value()); // a page: the shop's "busy" page
      }
      return;
    }
    boolean completed = false;
    try {
      chain.doFilter(request, response);
      completed = true;
    } finally {
      // A request that blew up says nothing about how long the database takes: not a sample.
      if (completed) {
        permit.get().onSuccess();
      } else {
        permit.get().onIgnore();
      }
    }
  }
}
