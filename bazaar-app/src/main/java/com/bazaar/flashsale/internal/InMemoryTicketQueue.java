package com.bazaar.flashsale.internal;

import io.micrometer.core.instrument.MeterRegistry;
import com.bazaar.order.IdempotentRequestInProgress;
import com.bazaar.platform.tracing.Traces;
import io.micrometer.tracing.Span;
import java.util.Map;
import java.util.OptionalLong;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Embedded adapter: a work queue in this JVM drained by a fixed number of consumer threads
 * (the bounded concurrency in front of the database). A ticket whose order cannot be placed
 * after a few tries (the database is down) fails and returns its units rather than waiting
 * forever. Tickets still queued when the JVM stops are lost with it — the Rabbit adapter is
 * the durable one — but their units are not: the counter keeps them unsettled, and
 * {@link QueuedTicketResender} sends them again while the JVM (and the counter) lives.
 */
@Component
@ConditionalOnProperty(name = "bazaar.flash.queue.type", havingValue = "memory", matchIfMissing = true)
final class InMemoryTicketQueue implements TicketQueue {
  private static final Logger log = LoggerFactory.getLogger(InMemoryTicketQueue.class);
  private static final int ATTEMPTS = 3;

  private final TicketOrderer orderer;
  private final Traces traces;
  private final ThreadPoolExecutor consumers;

  InMemoryTicketQueue(TicketOrderer orderer, FlashProperties properties, Traces traces, MeterRegistry meters) {
    this.orderer = orderer;
    this.traces = traces;
    int threads = Math.max(1, properties.queue().consumers());
    AtomicInteger number = new AtomicInteger();
    this.consumers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, "flash-orders-" + number.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    TicketQueue.gaugeDepth(this, meters);
  }

  @Override
  public void enqueue(TicketOrder ticket) {
    Map<String, String> purchase = traces.current();
    // The consumer's work (the order insert) in the purchase's trace, as over RabbitMQ.
    consumers.execute(() -> traces.inSpan(purchase, "flash ticket order", Span.Kind.CONSUMER, span -> deliver(ticket)));
  }

  @Override
  public OptionalLong waiting() {
    return OptionalLong.of(consumers.getQueue().size());
  }

  private void deliver(TicketOrder ticket) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        orderer.order(ticket);
        return;
      } catch (IdempotentRequestInProgress anotherDelivery) {
        return; // that delivery settles the ticket; failing it here would free units being ordered
      } catch (RuntimeException e) {
        log.warn("flash ticket {}: attempt {} failed", ticket.ticketId(), attempt, e);
      }
    }
    try {
      orderer.fail(ticket);
    } catch (RuntimeException e) {
      log.error("flash ticket {} could not even be failed; it is resent later", ticket.ticketId(), e);
    }
  }

  @PreDestroy
  void drain() throws InterruptedException {
    consumers.shutdown();
    consumers.awaitTermination(10, TimeUnit.SECONDS);
  }
}
