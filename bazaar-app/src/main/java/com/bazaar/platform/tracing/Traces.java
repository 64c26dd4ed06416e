package com.bazaar.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
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
      propagator.inject(context, carrier, (c, key, value) -> carrier.put(key, value));
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

  /**
   * Runs the work in a new span (see {@link #start}), current on this thread; the span records
   * a failure and ends when the work does. The work gets the span, e.g. to {@link #inject} it.
   */
  public void inSpan(Map<String, String> parent, String name, Span.Kind kind, Consumer<Span> work) {
    Span span = start(parent, name, kind);
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      work.accept(span);
    } catch (RuntimeException failure) {
      span.error(failure);
      throw failure;
    } finally {
      span.end();
    }
  }

  /** Writes the span's context into message headers, for the consumer's span to join. */
  public void inject(Span span, Map<String, Object> headers) {
    propagator.inject(span.context(), headers, (c, key, value) -> headers.put(key, value));
  }
}
