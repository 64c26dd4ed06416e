package com.bazaar.platform.events;

import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a subscription's handler in a transaction of its own, the one shared step of both
 * buses: whatever the handler writes, including its {@link ProcessedMessages} row, commits
 * together before the bus counts the delivery as done.
 */
public final class EventDeliveries {
  private final List<EventSubscription<?>> subscriptions;
  private final TransactionTemplate ownTransaction;

  public EventDeliveries(List<EventSubscription<?>> subscriptions, PlatformTransactionManager transactions) {
    this.subscriptions = List.copyOf(subscriptions);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public List<EventSubscription<?>> subscriptions() {
    return subscriptions;
  }

  /** Whether any subscription wants events of this type. */
  public boolean isSubscribed(Class<?> eventType) {
    return subscriptions.stream().anyMatch(s -> s.eventType().equals(eventType));
  }

  /** Delivers and commits; a handler's exception rolls its own work back and propagates. */
  public void deliver(EventSubscription<?> subscription, BusEvent event) {
    ownTransaction.executeWithoutResult(status -> subscription.deliver(event));
  }
}
