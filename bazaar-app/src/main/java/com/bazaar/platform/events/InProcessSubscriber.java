package com.bazaar.platform.events;

import com.bazaar.platform.tracing.Traces;
import io.micrometer.tracing.Span;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One subscription as an outbox listener of its own on the embedded bus. Spring Modulith's
 * registry records a publication per transactional listener (this one's id is
 * {@code bus.<subscription name>}), so each subscription has its own publication of each event:
 * it is completed with this subscription's handler ({@link EventDeliveries#deliverPublication}:
 * in the handler's transaction where the layout allows), and a handler that fails leaves
 * only its own publication open — {@link OutboxRetry} hands the event to that subscription
 * again, and the others, which succeeded, do not run a second time.
 *
 * <p>What {@code @ApplicationModuleListener} does for a method, done for a bean declared at run
 * time: after the publishing transaction commits (no transaction: nothing now, the retry
 * delivers), the handler runs on the task executor, and the outcome is reported to the registry.
 */
final class InProcessSubscriber implements TransactionalApplicationListener<ApplicationEvent>, GenericApplicationListener {
  private static final Logger log = LoggerFactory.getLogger(InProcessSubscriber.class);

  private final EventSubscription<?> subscription;
  private final PublicationTargetIdentifier target;
  private final EventDeliveries deliveries;
  private final EventPublicationRegistry registry;
  private final Executor executor;
  private final Traces traces;
  private final EventTraceContexts contexts;

  InProcessSubscriber(EventSubscription<?> subscription, EventDeliveries deliveries, EventPublicationRegistry registry,
      Executor executor, Traces traces, EventTraceContexts contexts) {
    this.subscription = subscription;
    this.target = PublicationTargetIdentifier.of(listenerIdOf(subscription));
    this.deliveries = deliveries;
    this.registry = registry;
    this.executor = executor;
    this.traces = traces;
    this.contexts = contexts;
  }

  static String listenerIdOf(EventSubscription<?> subscription) {
    return "bus." + subscription.name();
  }

  @Override
  public String getListenerId() {
    return target.getValue();
  }

  /** Events of exactly the subscription's type, as published: {@code publishEvent(event)} wraps them. */
  @Override
  public boolean supportsEventType(ResolvableType eventType) {
    return eventType.as(PayloadApplicationEvent.class).getGeneric().resolve() == subscription.eventType();
  }

  @Override
  public TransactionPhase getTransactionPhase() {
    return TransactionPhase.AFTER_COMMIT;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Nobody registers callbacks on a listener built here; the outcome goes to the registry instead. */
  @Override
  public void addCallback(SynchronizationCallback callback) {
    throw new UnsupportedOperationException("an in-process subscriber takes no synchronization callbacks");
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.isActualTransactionActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          processEvent(event);
        }
      });
    }
  }

  /** Called after the commit, and by the registry when it resubmits this subscription's open publication. */
  @Override
  public void processEvent(ApplicationEvent event) {
    if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof BusEvent busEvent
        && busEvent.getClass() == subscription.eventType()) {
      executor.execute(() -> deliver(busEvent));
    }
  }

  private void deliver(BusEvent event) {
    try {
      // A span in the trace of the request that recorded the event, even when a retry delivers it.
      traces.inSpan(contexts.of(event), "bus deliver " + event.getClass().getSimpleName(), Span.Kind.CONSUMER,
          span -> deliveries.deliverPublication(subscription, event, target));
    } catch (RuntimeException failure) {
      registry.markFailed(event, target);
      log.info("subscription {} failed on {}: {}; its publication stays open for a retry",
          subscription.name(), event, failure.toString());
    }
  }
}
