package com.bazaar.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Trace context as data, for the places where work leaves the request's thread in a form the
 * framework's instrumentation cannot follow: an outbox row relayed later (maybe by another
 * node), a message whose parent must be the row's trace rather than the relaying thread's.
 * The carrier is the tracer's own propagation format (W3C {@code traceparent} plus remote
 * baggage fields such as {@code requestId}). Without a tracer every method is a no-op.
 */
@Component
public final class Traces {
  private final Tracer tracer;
  private final Propagator propagator;

  public Traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
  }

  /** The current trace context as propagation headers; empty outside any trace. */
  public Map<String, String> current() {
    TraceContext context = tracer.currentTraceContext().context();
    Map<String, String> carrier = new LinkedHashMap<>();
    if (context != null) {
      propagator.inject(context, carrier, Map::put);
    }
    return carrier;
  }

  /** Starts a span whose parent is the given carrier's context, or the current one if it holds none. */
  public Span start(Map<String, String> parent, String name, Span.Kind kind) {
    Span.Builder builder;
    if (parent != null && !parent.isEmpty()) {
      builder = propagator.extract(parent, Map::get);
    } else {
      builder = tracer.spanBuilder();
      TraceContext current = tracer.currentTraceContext().context();
      if (current != null) {
        builder.setParent(current);
      }
    }
    return builder.name(name).kind(kind).start();
  }

  /** Makes the span current on this thread (its ids go into the log context) until the scope closes. */
  public Tracer.SpanInScope inScope(Span span) {
    return tracer.withSpan(span);
  }

  /** Writes the span's context into message headers, for the consumer's span to join. */
  public void inject(Span span, Map<String, Object> headers) {
    propagator.inject(span.context(), headers, Map::put);
  }
}
