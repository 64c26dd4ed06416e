package com.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.bazaar.platform.data.DataLayout;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where an outbox publication is marked completed, by layout: inside the handler's transaction
 * when the subscribing module's tables share the outbox's database, after its commit when they
 * do not; and never when the handler throws.
 */
class EventDeliveriesTest {
  private static final PublicationTargetIdentifier LISTENER = PublicationTargetIdentifier.of("bus.sales.probe");

  private final List<String> steps = new CopyOnWriteArrayList<>();
  private final EventPublicationRegistry registry = mock(EventPublicationRegistry.class);

  record Probe(long id) implements BusEvent {}

  @Test
  void besideTheOutboxTheCompletionIsWrittenBeforeTheHandlersCommit() {
    EventDeliveries deliveries = deliveries(true, probe -> steps.add("handle"));

    deliveries.deliverPublication(deliveries.subscriptions().get(0), new Probe(1), LISTENER);

    assertThat(steps).containsExactly("begin", "handle", "complete in the transaction", "commit");
  }

  @Test
  void awayFromTheOutboxTheCompletionFollowsTheHandlersCommit() {
    EventDeliveries deliveries = deliveries(false, probe -> steps.add("handle"));

    deliveries.deliverPublication(deliveries.subscriptions().get(0), new Probe(1), LISTENER);

    assertThat(steps).containsExactly("begin", "handle", "commit", "complete on its own");
  }

  @Test
  void aHandlerThatThrowsRollsBackAndCompletesNothingInEitherLayout() {
    for (boolean beside : List.of(true, false)) {
      steps.clear();
      EventDeliveries deliveries = deliveries(beside, probe -> {
        steps.add("handle");
        throw new IllegalStateException("handler fails on purpose");
      });

      assertThatThrownBy(() -> deliveries.deliverPublication(deliveries.subscriptions().get(0), new Probe(1), LISTENER))
          .hasMessage("handler fails on purpose");
      assertThat(steps).containsExactly("begin", "handle", "rollback");
    }
  }

  private EventDeliveries deliveries(boolean besideOutbox, Consumer<Probe> handler) {
    DataLayout layout = mock(DataLayout.class);
    when(layout.sharesOutboxDatabase("sales")).thenReturn(besideOutbox);
    doAnswer(call -> steps.add(TransactionSynchronizationManager.isActualTransactionActive()
        ? "complete in the transaction" : "complete on its own")).when(registry).markCompleted(any(), any());
    return new EventDeliveries(List.of(EventSubscription.oneNode("sales.probe", Probe.class, handler)),
        new RecordingTransactions(steps), layout, registry);
  }

  /** Records begin, commit and rollback; holds no resource. */
  private static final class RecordingTransactions extends AbstractPlatformTransactionManager {
    private final List<String> steps;

    RecordingTransactions(List<String> steps) {
      this.steps = steps;
    }

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
      steps.add("begin");
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      steps.add("commit");
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
      steps.add("rollback");
    }
  }
}
