package com.bazaar.platform.events;

import com.bazaar.platform.tracing.Traces;
import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;

/**
 * The embedded bus: every {@link BusEvent} the outbox recorded is handed to its subscriptions
 * in this JVM, after the publishing transaction committed. Each undelayed subscription is an
 * outbox listener of its own ({@link InProcessSubscriber}): one publication per subscription,
 * so one consumer that fails is retried alone. Delayed subscriptions are skipped: in one JVM
 * their module's scheduler does that work.
 */
final class InProcessEventBus {
  private final List<InProcessSubscriber> subscribers;

  /**
   * Registers the subscribers with the context's event multicaster while the singletons are
   * created: before Spring Modulith republishes open publications at start-up, which looks
   * their listeners up by id.
   */
  InProcessEventBus(EventDeliveries deliveries, EventPublicationRegistry registry, Executor executor, Traces traces,
      EventTraceContexts contexts, ConfigurableApplicationContext context) {
    this.subscribers = deliveries.subscriptions().stream()
        .filter(subscription -> !subscription.isDelayed())
        .map(subscription -> new InProcessSubscriber(subscription, deliveries, registry, executor, traces, contexts))
        .toList();
    subscribers.forEach(context::addApplicationListener);
  }

  List<InProcessSubscriber> subscribers() {
    return subscribers;
  }
}
