package com.bazaar.platform.events.rabbit;

import com.bazaar.platform.events.EventDeliveries;
import com.bazaar.platform.events.EventSubscription;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;

/**
 * {@code bazaar.bus.dead.letters{queue}}: messages in each subscription's dead-letter queue,
 * asked from the broker at scrape time (NaN while it is away). Anything above zero is an event
 * some consumer gave up on after its attempts: an operator looks at it and replays or drops it.
 */
final class DeadLetterMeters {
  private DeadLetterMeters() {}

  static void register(AmqpAdmin admin, BusTopology topology, EventDeliveries deliveries, MeterRegistry meters) {
    for (EventSubscription<?> subscription : deliveries.subscriptions()) {
      if (subscription.fanout() == EventSubscription.Fanout.EVERY_NODE) {
        continue; // no dead-letter queue for a node's own queue
      }
      String queue = topology.deadLetterQueue(subscription);
      Gauge.builder("bazaar.bus.dead.letters", admin, a -> messagesIn(a, queue))
          .tag("queue", queue).description("messages in a dead-letter queue").register(meters);
    }
  }

  private static double messagesIn(AmqpAdmin admin, String queue) {
    try {
      QueueInformation info = admin.getQueueInfo(queue);
      return info == null ? Double.NaN : info.getMessageCount();
    } catch (RuntimeException brokerAway) {
      return Double.NaN;
    }
  }
}
