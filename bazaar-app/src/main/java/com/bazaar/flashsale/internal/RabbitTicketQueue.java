package com.bazaar.flashsale.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import com.bazaar.platform.tracing.Traces;
import io.micrometer.tracing.Span;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * RabbitMQ adapter: tickets go to a durable queue as persistent messages; consumers take a
 * bounded number at a time (prefetch) on a fixed number of threads and acknowledge after the
 * order is placed, so a node dying mid-ticket leaves it for another (the ticket id as the
 * order's idempotency key makes that redelivery harmless).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bazaar.flash.queue.type", havingValue = "rabbit")
class RabbitTicketQueue {
  static final String CONTAINER_FACTORY = "flashTicketContainers";

  @Bean
  Queue flashTicketQueue(FlashProperties properties) {
    return QueueBuilder.durable(properties.queue().name()).build();
  }

  @Bean(CONTAINER_FACTORY)
  SimpleRabbitListenerContainerFactory flashTicketContainers(ConnectionFactory connections, FlashProperties properties) {
    SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
    factory.setConnectionFactory(connections);
    int consumers = Math.max(1, properties.queue().consumers());
    factory.setConcurrentConsumers(consumers);
    factory.setMaxConcurrentConsumers(consumers);
    factory.setPrefetchCount(10);
    // A consumer span per ticket, continuing the purchase's trace from the message headers.
    factory.setObservationEnabled(true);
    return factory;
  }

  @Bean
  TicketQueue rabbitTickets(RabbitTemplate rabbit, FlashProperties properties, Traces traces, AmqpAdmin admin,
      MeterRegistry meters) {
    RabbitTickets tickets = new RabbitTickets(rabbit, properties.queue().name(), traces, admin);
    TicketQueue.gaugeDepth(tickets, meters);
    return tickets;
  }

  /** Sends each ticket as a persistent message carrying the purchase's trace. */
  static final class RabbitTickets implements TicketQueue {
    private final RabbitTemplate rabbit;
    private final String queue;
    private final Traces traces;
    private final AmqpAdmin admin;

    RabbitTickets(RabbitTemplate rabbit, String queue, Traces traces, AmqpAdmin admin) {
      this.rabbit = rabbit;
      this.queue = queue;
      this.traces = traces;
      this.admin = admin;
    }

    @Override
    public void enqueue(TicketOrder ticket) {
      // The consumer's span (and its order insert) joins the purchase's trace.
      traces.inSpan(Map.of(), "flash ticket send", Span.Kind.PRODUCER, span -> {
        span.remoteServiceName("rabbitmq");
        rabbit.convertAndSend("", queue, ticket.encode(), message -> {
          traces.inject(span, message.getMessageProperties().getHeaders());
          return message;
        });
      });
    }

    /** The broker's count of ready messages; the ones consumers hold unacknowledged are not in it. */
    @Override
    public OptionalLong waiting() {
      try {
        QueueInformation info = admin.getQueueInfo(queue);
        return info == null ? OptionalLong.empty() : OptionalLong.of(info.getMessageCount());
      } catch (RuntimeException brokerAway) {
        return OptionalLong.empty();
      }
    }
  }

  @Bean
  RabbitTicketConsumer rabbitTicketConsumer(TicketOrderer orderer) {
    return new RabbitTicketConsumer(orderer);
  }

  /** Acknowledges after the order is placed; an exception (database down) sends the ticket back to the queue. */
  static final class RabbitTicketConsumer {
    private final TicketOrderer orderer;

    RabbitTicketConsumer(TicketOrderer orderer) {
      this.orderer = orderer;
    }

    @RabbitListener(queues = "#{@flashTicketQueue.name}", containerFactory = CONTAINER_FACTORY)
    void receive(String message) {
      TicketOrder ticket;
      try {
        ticket = TicketOrder.decode(message);
      } catch (IllegalArgumentException malformed) {
        // Redelivering a message nobody can read would loop forever: drop it (to a DLQ if one is bound).
        throw new AmqpRejectAndDontRequeueException("not a flash ticket: " + message, malformed);
      }
      orderer.order(ticket);
    }
  }
}
