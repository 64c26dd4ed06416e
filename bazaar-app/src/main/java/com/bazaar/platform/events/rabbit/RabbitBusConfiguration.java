package com.bazaar.platform.events.rabbit;

import io.micrometer.core.instrument.MeterRegistry;
import com.bazaar.platform.services.Deployment;
import com.bazaar.platform.events.EventTraceContexts;
import com.bazaar.platform.tracing.Traces;
import com.bazaar.platform.events.BusProperties;
import com.bazaar.platform.events.EventDeliveries;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RabbitMQ adapter of the event bus ({@code bazaar.bus.type=rabbit}, profile
 * {@code rabbit}): topology, relay and consumers. Without it nothing in the application
 * declares, consumes or publishes, and no connection is ever opened.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bazaar.bus.type", havingValue = "rabbit")
class RabbitBusConfiguration {

  @Bean
  BusTopology busTopology(BusProperties properties) {
    return new BusTopology(properties);
  }

  /** Declared by Spring's RabbitAdmin on every (re)connection, so a restarted broker gets them back. */
  @Bean
  Declarables busDeclarables(BusTopology topology, EventDeliveries deliveries, AmqpAdmin admin, MeterRegistry meters) {
    DeadLetterMeters.register(admin, topology, deliveries, meters);
    return topology.declarables(deliveries.subscriptions());
  }

  @Bean
  RabbitEventRelay rabbitEventRelay(RabbitTemplate rabbit, BusTopology topology, EventDeliveries deliveries,
      JsonMapper json, BusProperties properties, Traces traces, EventTraceContexts contexts, Deployment deployment) {
    return new RabbitEventRelay(rabbit, topology, deliveries, json, properties, traces, contexts, deployment);
  }

  @Bean
  RabbitSubscribers rabbitSubscribers(ConnectionFactory connections, AmqpAdmin admin, ApplicationContext context,
      BusTopology topology, EventDeliveries deliveries, JsonMapper json, BusProperties properties,
      ObjectProvider<SubscriptionListener.AfterCommitHook> afterCommit) {
    return new RabbitSubscribers(connections, admin, context, topology, deliveries, json, properties,
        afterCommit.getIfAvailable(() -> SubscriptionListener.AfterCommitHook.NONE));
  }
}
