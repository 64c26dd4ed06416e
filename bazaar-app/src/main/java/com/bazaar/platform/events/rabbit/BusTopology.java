package com.bazaar.platform.events.rabbit;

import com.bazaar.platform.events.BusEvent;
import com.bazaar.platform.events.BusProperties;
import com.bazaar.platform.events.EventSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * Names and declarations of the RabbitMQ topology (docs/messaging.md draws it). One durable
 * topic exchange takes every event, keyed by its type name. A one-node subscription owns a
 * durable queue whose rejected messages go through the dead-letter exchange to its
 * {@code .dlq}; a delayed one gets its events first in a {@code .wait} queue whose TTL
 * dead-letters them into the subscription's queue when the time is up; an every-node
 * subscription gets a server-named, auto-delete queue per node.
 */
final class BusTopology {
  private final String prefix;
  private final Duration delayGrace;
  private final String nodeId = UUID.randomUUID().toString().substring(0, 8);

  BusTopology(BusProperties properties) {
    this.prefix = properties.prefix();
    this.delayGrace = properties.delayGrace();
  }

  String eventsExchange() {
    return prefix + ".events";
  }

  String deadLetterExchange() {
    return prefix + ".dead-letters";
  }

  String delayedExchange() {
    return prefix + ".delayed";
  }

  static String routingKey(Class<? extends BusEvent> eventType) {
    return eventType.getSimpleName();
  }

  String queue(EventSubscription<?> subscription) {
    return switch (subscription.fanout()) {
      case ONE_NODE -> prefix + "." + subscription.name();
      case EVERY_NODE -> prefix + "." + subscription.name() + ".node-" + nodeId;
    };
  }

  String deadLetterQueue(EventSubscription<?> subscription) {
    return queue(subscription) + ".dlq";
  }

  /** The TTL is in the name: a queue's arguments cannot change, a new window gets a new queue. */
  String waitQueue(EventSubscription<?> subscription) {
    return queue(subscription) + ".wait-" + waitTime(subscription).toMillis() + "ms";
  }

  private Duration waitTime(EventSubscription<?> subscription) {
    return subscription.delay().orElseThrow().plus(delayGrace);
  }

  Declarables declarables(List<EventSubscription<?>> subscriptions) {
    TopicExchange events = new TopicExchange(eventsExchange(), true, false);
    DirectExchange deadLetters = new DirectExchange(deadLetterExchange(), true, false);
    DirectExchange delayed = new DirectExchange(delayedExchange(), true, false);
    List<Declarable> all = new ArrayList<>(List.of(events, deadLetters, delayed));
    for (EventSubscription<?> subscription : subscriptions) {
      String key = routingKey(subscription.eventType());
      String name = queue(subscription);
      if (subscription.fanout() == EventSubscription.Fanout.EVERY_NODE) {
        // Lost with the node, and that is fine: a node rebuilds its local state at start.
        Queue perNode = QueueBuilder.nonDurable(name).autoDelete().exclusive().build();
        all.add(perNode);
        all.add(BindingBuilder.bind(perNode).to(events).with(key));
        continue;
      }
      Queue work = QueueBuilder.durable(name).deadLetterExchange(deadLetterExchange()).deadLetterRoutingKey(name).build();
      Queue deadLetterQueue = QueueBuilder.durable(deadLetterQueue(subscription)).build();
      all.add(work);
      all.add(deadLetterQueue);
      all.add(BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(name));
      if (subscription.isDelayed()) {
        Queue wait = QueueBuilder.durable(waitQueue(subscription))
            .ttl(Math.toIntExact(waitTime(subscription).toMillis()))
            .deadLetterExchange(delayedExchange())
            .deadLetterRoutingKey(name)
            .build();
        all.add(wait);
        all.add(BindingBuilder.bind(wait).to(events).with(key));
        all.add(BindingBuilder.bind(work).to(delayed).with(name));
      } else {
        all.add(BindingBuilder.bind(work).to(events).with(key));
      }
    }
    return new Declarables(all);
  }
}
