package com.bazaar.platform.events;

import com.bazaar.platform.data.DataLayout;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a subscription's handler in a transaction of its own, the one shared step of both
 * buses: whatever the handler writes, including its {@link ProcessedMessages} row, commits
 * together before the bus counts the delivery as done. On the embedded bus the outbox
 * publication is marked completed in that same transaction where the layout allows it
 * ({@link #deliverPublication}).
 */
public final class EventDeliveries {
  private final List<EventSubscription<?>> subscriptions;
  private final TransactionTemplate ownTransaction;
  private final Set<String> completedInHandlerTransaction;
  private final EventPublicationRegistry registry;
  private final EventPublicationRegistry registryJoiningTransaction;

  public EventDeliveries(List<EventSubscription<?>> subscriptions, PlatformTransactionManager transactions,
      DataLayout layout, EventPublicationRegistry registry) {
    this.subscriptions = List.copyOf(subscriptions);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    // Decided once, by the data layout: the handler's tables and the outbox in one database.
    this.completedInHandlerTransaction = this.subscriptions.stream()
        .filter(subscription -> layout.sharesOutboxDatabase(subscription.module()))
        .map(EventSubscription::name)
        .collect(Collectors.toUnmodifiableSet());
    this.registry = registry;
    this.registryJoiningTransaction = joiningCallersTransaction(registry);
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

  /**
   * Delivers an outbox publication to its subscription and marks it completed. Where the layout
   * keeps the subscribing module's tables beside the outbox, the completion is written in the
   * handler's transaction: the handler's writes and the completion commit together or not at
   * all (one commit, and three round trips fewer than a second transaction). Elsewhere (the
   * user or catalog module in the split layout, the order module when sharded) no one local
   * transaction covers both: the handler's commits first, the completion follows in a
   * transaction of its own. Either way a handler that throws leaves the publication open for
   * {@link OutboxRetry}, and the exception propagates. A commit that fails after the completion
   * was written undoes both, but the registry has already let go of the delivery in flight and
   * cannot mark it failed: a redelivery's publication then keeps its RESUBMITTED mark, which the
   * retry skips, until the staleness monitor marks it failed ({@code application.yaml}).
   */
  public void deliverPublication(EventSubscription<?> subscription, BusEvent event, PublicationTargetIdentifier listener) {
    if (completesInHandlerTransaction(subscription)) {
      ownTransaction.executeWithoutResult(status -> {
        subscription.deliver(event);
        registryJoiningTransaction.markCompleted(event, listener);
      });
    } else {
      deliver(subscription, event);
      registry.markCompleted(event, listener);
    }
  }

  /** Whether {@link #deliverPublication} completes this subscription's publications in the handler's transaction. */
  public boolean completesInHandlerTransaction(EventSubscription<?> subscription) {
    return completedInHandlerTransaction.contains(subscription.name());
  }

  /**
   * The registry without its transactional proxy. Spring Modulith marks a publication completed
   * in a new transaction ({@code REQUIRES_NEW}); called inside the handler's, that would commit
   * the completion before the handler's writes, and a handler's commit failing after it would
   * lose the event. The registry itself writes through its repository on the connection of the
   * transaction in progress. Anything but a plain proxy around one target is refused at start.
   */
  private static EventPublicationRegistry joiningCallersTransaction(EventPublicationRegistry registry) {
    if (!AopUtils.isAopProxy(registry)) {
      return registry;
    }
    if (AopProxyUtils.getSingletonTarget(registry) instanceof EventPublicationRegistry target
        && !AopUtils.isAopProxy(target)) {
      return target;
    }
    throw new IllegalStateException("the event publication registry is not a proxy around one registry ("
        + registry.getClass().getName() + "): its completions cannot join a handler's transaction");
  }
}
