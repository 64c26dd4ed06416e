package com.bazaar.platform.events.rabbit;

import com.bazaar.platform.events.EventDeliveries;
import com.bazaar.platform.events.EventSubscription;
import com.bazaar.support.ApiTest;
import com.bazaar.support.RealEngines;
import com.bazaar.support.TestItems;
import jakarta.annotation.PreDestroy;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests on the real broker (profile {@code rabbit}, RabbitMQ on 127.0.0.1:5672,
 * brought up by bin/rabbitmq-up). Every test context gets exchange and queue names of its
 * own, deleted when it closes, so parallel runs on the shared broker never meet. The payment
 * window is short and the scheduled expiry scan is off, so only the delayed message cancels.
 */
@RealEngines
@ActiveProfiles("rabbit")
@TestPropertySource(properties = {
    "bazaar.bus.prefix=test-${random.uuid}",
    "bazaar.bus.max-attempts=3",
    "bazaar.bus.first-retry-delay=100ms",
    "bazaar.bus.delay-grace=1s",
    "bazaar.outbox.retry-after=PT1S",
    "bazaar.outbox.retry-interval=PT0.5S",
    "bazaar.order.payment-window=15s",
    "bazaar.order.expiry-check-interval=1h",
})
@Import(RabbitBusTestBase.Faults.class)
abstract class RabbitBusTestBase extends ApiTest {
  @Autowired TestItems items;
  @Autowired AmqpAdmin admin;
  @Autowired BusTopology topology;
  @Autowired ConsumerFaults faults;
  @Autowired Declarables declarables;
  @Autowired EventDeliveries deliveries;

  EventSubscription<?> subscription(String name) {
    return deliveries.subscriptions().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  String queueOf(String subscription) {
    return topology.queue(subscription(subscription));
  }

  long messagesIn(String queue) {
    var info = admin.getQueueInfo(queue);
    return info == null ? 0 : info.getMessageCount();
  }

  @TestConfiguration
  static class Faults {
    @Bean
    ConsumerFaults consumerFaults() {
      return new ConsumerFaults();
    }

    @Bean
    TestTopologyRemoval testTopologyRemoval(AmqpAdmin admin, Declarables declarables) {
      return new TestTopologyRemoval(admin, declarables);
    }
  }

  /** Deletes this context's queues and exchanges from the shared broker when it closes. */
  record TestTopologyRemoval(AmqpAdmin admin, Declarables declarables) {
    @PreDestroy
    void remove() {
      try {
        declarables.getDeclarablesByType(Queue.class).forEach(q -> admin.deleteQueue(q.getName()));
        declarables.getDeclarablesByType(Exchange.class).forEach(e -> admin.deleteExchange(e.getName()));
      } catch (RuntimeException brokerGone) {
        // Nothing to tidy on a broker that is not there.
      }
    }
  }
}
