package com.bazaar.platform.web;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code X-Request-Id} of API.md on top of Micrometer Tracing. The trace itself (W3C
 * {@code traceparent} in and out, trace and span ids in the log context) is the tracer's; this
 * filter runs right after the server observation opened the request's span and answers with
 * the request's id: a well-formed incoming {@code X-Request-Id} (a balancer's id flows through),
 * otherwise the trace id. A kept incoming id travels as the {@code requestId} baggage field, so
 * the log lines of the listeners and consumers it triggers, on any node, show it as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public final class RequestIdFilter extends OncePerRequestFilter {
  public static final String HEADER = "X-Request-Id";
  /** The baggage field and log context key of a kept incoming id (application.yaml names it too). */
  public static final String REQUEST_ID = "requestId";
  /** The log context key under which the tracer keeps the current trace id. */
  public static final String TRACE_ID = "traceId";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private final ObjectProvider<Tracer> tracers;
  /** Looked up at the first request, once: a bean factory lookup per request was 3.5 % of a flash purchase's CPU. */
  private volatile @Nullable Tracer tracer;

  public RequestIdFilter(ObjectProvider<Tracer> tracers) {
    this.tracers = tracers;
  }

  private Tracer tracer() {
    Tracer known = tracer;
    if (known == null) {
      known = tracers.getIfAvailable(() -> Tracer.NOOP);
      tracer = known;
    }
    return known;
  }

  /** The id a problem body reports: the request's kept id, else the trace id; null outside a request. */
  public static @Nullable String currentRequestId() {
    String kept = MDC.get(REQUEST_ID);
    return kept != null && !kept.isEmpty() ? kept : MDC.get(TRACE_ID);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Tracer tracer = tracer();
    String incoming = request.getHeader(HEADER);
    boolean kept = incoming != null && WELL_FORMED.matcher(incoming).matches();
    String traceId = traceIdOf(tracer.currentSpan());
    String requestId = kept ? incoming : traceId != null ? traceId : newId();
    response.setHeader(HEADER, requestId);
    boolean ownMdc = kept || traceId == null; // no tracer: the id still goes on every log line
    if (ownMdc) {
      MDC.put(REQUEST_ID, requestId);
    }
    // A requestId baggage header sent from outside is never trusted: a kept id, or the trace id.
    boolean baggage = kept || tracer.getBaggage(REQUEST_ID) != null && tracer.getBaggage(REQUEST_ID).get() != null;
    try (BaggageInScope inScope = baggage ? tracer.createBaggageInScope(REQUEST_ID, requestId) : null) {
      chain.doFilter(request, response);
    } finally {
      if (ownMdc) {
        MDC.remove(REQUEST_ID);
      }
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  private static @Nullable String traceIdOf(@Nullable Span span) {
    // An unsampled span is a no-op for recording but still has real ids: only its context counts.
    if (span == null || span.context() == null) {
      return null;
    }
    String traceId = span.context().traceId();
    return traceId == null || traceId.isEmpty() ? null : traceId;
  }

  private static String newId() {
    return String.format("%016x", ThreadLocalRandom.current().nextLong());
  }
}
