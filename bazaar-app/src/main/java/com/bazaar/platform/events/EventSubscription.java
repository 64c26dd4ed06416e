package com.bazaar.platform.events;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A consumer of one bus event type, declared as a bean by the module that reacts. The same
 * handler runs whichever bus carries the event, inside a transaction that commits before the
 * delivery is acknowledged. Delivery is at least once, so a handler must be idempotent:
 * naturally, or through {@link ProcessedMessages} in that transaction.
 *
 * @param name names the consumer (and its queue); unique, lowercase words and dots, the first
 *     word the module that reacts ({@link #module()})
 * @param delay when present, the handler gets the event this long after it was published
 *     (on RabbitMQ a TTL queue; the embedded bus leaves delayed work to the module's own
 *     scheduler and skips the subscription)
 */
public record EventSubscription<T extends BusEvent>(
    String name, Class<T> eventType, Fanout fanout, Optional<Duration> delay, Consumer<T> handler) {

  /** Whether one node of the cluster handles each event, or every node does. */
  public enum Fanout {
    /** Competing consumers on one durable queue: the effect happens once in the cluster. */
    ONE_NODE,
    /** A queue per node, deleted with it: for node-local state such as a search index. */
    EVERY_NODE
  }

  public EventSubscription {
    if (!name.matches("[a-z0-9-]+(\\.[a-z0-9-]+)*")) {
      throw new IllegalArgumentException("subscription name must be lowercase words and dots: " + name);
    }
    Objects.requireNonNull(eventType);
    Objects.requireNonNull(fanout);
    Objects.requireNonNull(handler);
    delay.ifPresent(d -> {
      if (d.isNegative() || d.isZero() || fanout != Fanout.ONE_NODE) {
        throw new IllegalArgumentException("a delay is positive and only for one-node subscriptions: " + name);
      }
    });
  }

  public static <T extends BusEvent> EventSubscription<T> oneNode(String name, Class<T> type, Consumer<T> handler) {
    return new EventSubscription<>(name, type, Fanout.ONE_NODE, Optional.empty(), handler);
  }

  public static <T extends BusEvent> EventSubscription<T> everyNode(String name, Class<T> type, Consumer<T> handler) {
    return new EventSubscription<>(name, type, Fanout.EVERY_NODE, Optional.empty(), handler);
  }

  public static <T extends BusEvent> EventSubscription<T> delayed(
      String name, Class<T> type, Duration delay, Consumer<T> handler) {
    return new EventSubscription<>(name, type, Fanout.ONE_NODE, Optional.of(delay), handler);
  }

  /** Hands the event, already known to be of this subscription's type, to the handler. */
  public void deliver(BusEvent event) {
    handler.accept(eventType.cast(event));
  }

  /**
   * The module that reacts, named by the first word of the subscription's name: the handler
   * writes that module's tables, which the data layout places beside the outbox or elsewhere.
   */
  public String module() {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  public boolean isDelayed() {
    return delay.isPresent();
  }
}
