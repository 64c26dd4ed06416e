package com.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import com.bazaar.platform.tracing.Traces;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/** The outbox row keeps the trace context of the transaction that wrote it. */
class TracedEventSerializerTest {
  record Shipped(long orderId) {}

  private final Tracing tracing = Tracing.newBuilder()
      .currentTraceContext(ThreadLocalCurrentTraceContext.create())
      .traceId128Bit(true)
      .build();
  private final Tracer tracer = new BraveTracer(tracing.tracer(),
      new BraveCurrentTraceContext(tracing.currentTraceContext()), new BraveBaggageManager());
  private final Propagator propagator = new BravePropagator(tracing);
  private final EventTraceContexts contexts = new EventTraceContexts();
  private final TracedEventSerializer serializer = new TracedEventSerializer(JsonMapper.builder().build(), traces(), contexts);

  @AfterEach
  void close() {
    tracing.close();
  }

  @Test
  void aRowReadBackForARetryCarriesTheTraceOfTheRequestThatWroteIt() {
    Span request = tracer.nextSpan().name("POST /api/orders").start();
    Object row;
    try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
      row = serializer.serialize(new Shipped(42));
    } finally {
      request.end();
    }

    // Later, on another thread or node, with no trace of its own.
    Shipped readBack = serializer.deserialize(row, Shipped.class);

    assertThat(readBack).isEqualTo(new Shipped(42));
    assertThat(contexts.of(readBack).values()).anySatisfy(header -> assertThat(header).contains(request.context().traceId()));
    Span relay = traces().start(contexts.of(readBack), "bus publish Shipped", Span.Kind.PRODUCER);
    assertThat(relay.context().traceId()).isEqualTo(request.context().traceId());
    assertThat(relay.context().parentId()).isEqualTo(request.context().spanId());
  }

  @Test
  void theEventPublishedInTheRequestIsKnownByItsOwnInstance() {
    Span request = tracer.nextSpan().start();
    Shipped event = new Shipped(7);
    try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
      serializer.serialize(event);
    }
    assertThat(contexts.of(event).values()).anySatisfy(header -> assertThat(header).contains(request.context().traceId()));
  }

  @Test
  void aRowWrittenOutsideAnyTraceOrBeforeThisFieldExistedReadsAsBefore() {
    Object row = serializer.serialize(new Shipped(1));
    assertThat(row.toString()).isEqualTo("{\"orderId\":1}");
    Shipped legacy = serializer.deserialize("{\"orderId\":3}", Shipped.class);
    assertThat(legacy).isEqualTo(new Shipped(3));
    assertThat(contexts.of(legacy)).isEmpty();
  }

  private Traces traces() {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("tracer", tracer);
    beans.addBean("propagator", propagator);
    return new Traces(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class));
  }
}
