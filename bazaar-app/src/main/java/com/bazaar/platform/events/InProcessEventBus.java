package com.bazaar.platform.events;

import com.bazaar.platform.tracing.Traces;
import io.micrometer.tracing.Span;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * The embedded bus: every {@link BusEvent} the outbox recorded is handed to its
 * subscriptions in this JVM, after the publishing transaction committed. The outbox keeps
 * the publication open until all of them succeeded ({@link OutboxRetry} offers it again).
 * Delayed subscriptions are skipped: in one JVM their module's scheduler does that work.
 *
 * <p>Not final: the module listener runs asynchronously, through a proxy.
 */
class InProcessEventBus {
  private final EventDeliveries deliveries;
  private final Traces traces;
  private final EventTraceContexts contexts;

  InProcessEventBus(EventDeliveries deliveries, Traces traces, EventTraceContexts contexts) {
    this.deliveries = deliveries;
    this.traces = traces;
    this.contexts = contexts;
  }

  @ApplicationModuleListener
  void on(BusEvent event) {
    // A span in the trace of the request that recorded the event, even when a retry delivers it.
    traces.inSpan(contexts.of(event), "bus deliver " + event.getClass().getSimpleName(), Span.Kind.CONSUMER,
        span -> deliveries.deliverToAll(event));
  }
}
