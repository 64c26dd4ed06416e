package com.bazaar.order.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The order events: recorded in the outbox with the change, and counted once that commits. */
@Component
class OrderEvents {
  private final ApplicationEventPublisher events;
  private final OrderMeters meters;

  OrderEvents(ApplicationEventPublisher events, OrderMeters meters) {
    this.events = events;
    this.meters = meters;
  }

  void publish(Object event) {
    events.publishEvent(event);
    meters.countOnCommit(event);
  }
}
