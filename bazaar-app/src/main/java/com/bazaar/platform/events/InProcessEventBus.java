package com.bazaar.platform.events;

import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * The embedded bus: every {@link BusEvent} the outbox recorded is handed to its
 * subscriptions in this JVM, after the publishing transaction committed. The outbox keeps
 * the publication open until all of them succeeded ({@link OutboxRetry} offers it again).
 * Delayed subscriptions are skipped: in one JVM their module's scheduler does that work.
 *
 * <p>Not final: the module listener runs asynchronously, through a proxy.
 */
class InProcessEventBus {
  private final EventDeliveries deliveries;

  InProcessEventBus(EventDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  @ApplicationModuleListener
  void on(BusEvent event) {
    deliveries.deliverToAll(event);
  }
}
