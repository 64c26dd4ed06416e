package com.bazaar.platform.events.rabbit;

import com.bazaar.platform.events.BusProperties;
import com.bazaar.platform.events.EventDeliveries;
import com.bazaar.platform.events.EventSubscription;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.retry.RejectAndDontRequeueRecoverer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * One listener container per subscription. A failing delivery is retried in place with
 * exponential back-off; after {@code bazaar.bus.max-attempts} it is rejected without
 * requeue, and the queue's dead-letter exchange moves it to the subscription's {@code .dlq}
 * (an every-node queue has none: the node's state is rebuilt at its next start anyway).
 */
final class RabbitSubscribers implements SmartLifecycle {
  private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();
  private volatile boolean running;

  RabbitSubscribers(
      ConnectionFactory connections,
      AmqpAdmin admin,
      ApplicationContext context,
      BusTopology topology,
      EventDeliveries deliveries,
      JsonMapper json,
      BusProperties properties,
      SubscriptionListener.AfterCommitHook afterCommit) {
    long firstDelay = properties.firstRetryDelay().toMillis();
    for (EventSubscription<?> subscription : deliveries.subscriptions()) {
      SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
      container.setQueueNames(topology.queue(subscription));
      container.setAcknowledgeMode(AcknowledgeMode.AUTO);
      container.setDefaultRequeueRejected(false);
      container.setMissingQueuesFatal(false);
      container.setAmqpAdmin(admin);
      container.setApplicationContext(context);
      // A consumer span per delivery, child of the producer span in the message's headers.
      container.setObservationEnabled(true);
      container.setAdviceChain(RetryInterceptorBuilder.stateless()
          .maxRetries(properties.maxAttempts() - 1)
          .backOffOptions(firstDelay, 2.0, firstDelay * 8)
          .recoverer(new RejectAndDontRequeueRecoverer())
          .build());
      container.setMessageListener(new SubscriptionListener(subscription, deliveries, json, afterCommit));
      container.setBeanName("bus-" + subscription.name());
      container.afterPropertiesSet();
      containers.add(container);
    }
  }

  @Override
  public void start() {
    containers.forEach(SimpleMessageListenerContainer::start);
    running = true;
  }

  @Override
  public void stop() {
    containers.forEach(SimpleMessageListenerContainer::stop);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Stop consuming before the database and the rest of the context go away.
    return Integer.MAX_VALUE - 100;
  }
}
