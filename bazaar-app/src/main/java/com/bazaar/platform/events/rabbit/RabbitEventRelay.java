package com.bazaar.platform.events.rabbit;

import com.bazaar.platform.events.BusEvent;
import com.bazaar.platform.events.BusProperties;
import com.bazaar.platform.services.Deployment;
import com.bazaar.platform.events.EventDeliveries;
import com.bazaar.platform.events.EventTraceContexts;
import com.bazaar.platform.tracing.Traces;
import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox relay: each {@link BusEvent} publication is sent to the events exchange as a
 * persistent, mandatory message, and the listener returns only once the broker confirmed
 * it, so the outbox marks the publication complete only then. A nack, a return (no queue
 * took it), a timeout or a broker that is down throws instead: the publication stays open
 * and {@code OutboxRetry} relays it again later. At least once, never lost; duplicates are
 * the consumers' business ({@code ProcessedMessages}).
 *
 * <p>Which events are sent: in the monolith (and its cluster, whose nodes all run the same modules)
 * those a subscription of this process wants; others would only come back. In the services
 * deployment the subscribers may be other roles' (the catalog role's {@code ItemChanged} is
 * the web role's search index's), so every event is sent; one no subscription of this process
 * wants counts as delivered when no queue took it: no role listens for it now (a role that does
 * declares its queue when it starts, and one per node, like the search index's, rebuilds from
 * the source then).
 *
 * <p>Spring Modulith's own AMQP externalizer (2.0) sends without waiting for the confirm,
 * which is why this relay exists. Not final: the module listener runs through a proxy.
 */
class RabbitEventRelay {
  static final String EVENT_TYPE_HEADER = "bazaar-event-type";

  private final RabbitTemplate rabbit;
  private final BusTopology topology;
  private final EventDeliveries deliveries;
  private final JsonMapper json;
  private final Duration confirmTimeout;
  private final Traces traces;
  private final EventTraceContexts contexts;
  private final boolean othersSubscribe;

  RabbitEventRelay(RabbitTemplate rabbit, BusTopology topology, EventDeliveries deliveries, JsonMapper json,
      BusProperties properties, Traces traces, EventTraceContexts contexts, Deployment deployment) {
    this.othersSubscribe = !deployment.isMonolith();
    this.traces = traces;
    this.contexts = contexts;
    this.rabbit = rabbit;
    this.topology = topology;
    this.deliveries = deliveries;
    this.json = json;
    this.confirmTimeout = properties.confirmTimeout();
  }

  @ApplicationModuleListener
  void relay(BusEvent event) {
    boolean subscribedHere = deliveries.isSubscribed(event.getClass());
    if (!subscribedHere && !othersSubscribe) {
      return; // no queue is bound for it: a mandatory message would only come back
    }
    // The producer span continues the trace of the request that wrote the outbox row (its
    // context is in the row), not that of the thread relaying it: a retry or another node's
    // restart still joins the consumer's span to the original request.
    traces.inSpan(contexts.of(event), "bus publish " + event.getClass().getSimpleName(), Span.Kind.PRODUCER, span -> {
      span.remoteServiceName("rabbitmq");
      CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
      try {
        rabbit.send(topology.eventsExchange(), BusTopology.routingKey(event.getClass()),
            message(event, correlation, span), correlation);
      } catch (AmqpException brokerUnavailable) {
        // Expected while the broker is down: one line in the log, not a stack trace per event.
        throw new EventNotRelayed(event, brokerUnavailable.getMessage());
      }
      awaitConfirm(event, correlation, subscribedHere);
    });
  }

  private Message message(BusEvent event, CorrelationData correlation, Span span) {
    Message message = MessageBuilder.withBody(json.writeValueAsBytes(event))
        .setContentType(MessageProperties.CONTENT_TYPE_JSON)
        .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
        .setMessageId(correlation.getId())
        .setHeader(EVENT_TYPE_HEADER, event.getClass().getName())
        .build();
    traces.inject(span, message.getMessageProperties().getHeaders());
    return message;
  }

  private void awaitConfirm(BusEvent event, CorrelationData correlation, boolean subscribedHere) {
    CorrelationData.Confirm confirm;
    try {
      confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventNotRelayed(event, "interrupted while waiting for the broker's confirm");
    } catch (ExecutionException | TimeoutException e) {
      throw new EventNotRelayed(event, "no confirm from the broker within " + confirmTimeout);
    }
    if (!confirm.ack()) {
      throw new EventNotRelayed(event, "the broker refused it: " + confirm.reason());
    }
    if (correlation.getReturned() != null && subscribedHere) {
      throw new EventNotRelayed(event, "no queue took it: " + correlation.getReturned().getReplyText());
    }
  }

  /** The broker did not take responsibility for the event; the outbox will offer it again. */
  static final class EventNotRelayed extends RuntimeException {
    EventNotRelayed(BusEvent event, @Nullable String reason) {
      super("event " + event + " not relayed to RabbitMQ: " + reason, null, false, false);
    }
  }
}
