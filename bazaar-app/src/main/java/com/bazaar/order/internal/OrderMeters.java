package com.bazaar.order.internal;

import com.bazaar.order.Order;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code bazaar.orders{event=placed|paid|cancelled}}: orders as the business sees them, counted
 * when the transaction that recorded the event commits (a rolled-back order is no order); and
 * the {@code order.insert} observation: a timer and, in a trace, the span of writing an order's
 * row to its database or shard (the step a flash ticket's consumer ends with).
 */
@Component
final class OrderMeters {
  private final Map<Class<?>, Counter> counters;
  private final ObservationRegistry observations;

  OrderMeters(MeterRegistry meters, ObservationRegistry observations) {
    this.observations = observations;
    this.counters = Map.of(
        Order.OrderPlaced.class, counter(meters, "placed"),
        Order.OrderPaid.class, counter(meters, "paid"),
        Order.OrderCancelled.class, counter(meters, "cancelled"));
  }

  void countOnCommit(Object event) {
    Counter counter = counters.get(event.getClass());
    if (counter == null) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      counter.increment();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        counter.increment();
      }
    });
  }

  void observeInsert(Runnable insert) {
    Observation.createNotStarted("order.insert", observations)
        .contextualName("order insert")
        .observe(insert);
  }

  private static Counter counter(MeterRegistry meters, String event) {
    return Counter.builder("bazaar.orders").tag("event", event).description("orders by lifecycle event").register(meters);
  }
}
