package com.bazaar.platform.protection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.bazaar.platform.web.ProblemResponses;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Load shedding in front of the database: at most {@code max-concurrent} requests to the
 * database-heavy paths (orders, cart, checkout) run at once; one more is answered 503 with
 * {@code Retry-After} at once (a Resilience4j bulkhead that never waits), so that under
 * overload the pool serves the admitted requests quickly instead of every request queueing
 * for a connection until it times out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
final class LoadSheddingFilter extends OncePerRequestFilter {
  private final Bulkhead bulkhead;
  private final List<String> paths;
  private final Counter shed;

  LoadSheddingFilter(ProtectionProperties properties, MeterRegistry meters) {
    this.shed = Counter.builder("bazaar.requests.shed").description("requests answered 503 by load shedding")
        .register(meters);
    this.paths = List.copyOf(properties.shedding().paths());
    this.bulkhead = Bulkhead.of("database-paths", BulkheadConfig.custom()
        .maxConcurrentCalls(properties.shedding().maxConcurrent())
        .maxWaitDuration(Duration.ZERO)
        .build());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return paths.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!bulkhead.tryAcquirePermission()) {
      shed.increment();
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "the shop is busy; retry in a moment");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      bulkhead.onComplete();
    }
  }
}
