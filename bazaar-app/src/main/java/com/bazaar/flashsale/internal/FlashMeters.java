package com.bazaar.flashsale.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code bazaar.flash.tickets{outcome=queued|ordered|failed|deferred|resent}}: accepted
 * purchases put on the ticket queue, and how they settled; deferred ones could not reach the
 * queue at once, resent ones were sent again because they stayed unsettled. Queued minus settled, summed over the nodes, is the
 * backlog in front of the order side; {@code bazaar.flash.queue.depth} measures it directly.
 * {@code bazaar.flash.sold.out.at.door}: purchases {@link SoldOutGate} answered.
 */
@Component
final class FlashMeters {
  private final Counter queued;
  private final Counter ordered;
  private final Counter failed;
  private final Counter deferred;
  private final Counter resent;
  private final Counter soldOutAtTheDoor;

  FlashMeters(MeterRegistry meters) {
    this.queued = counter(meters, "queued");
    this.ordered = counter(meters, "ordered");
    this.failed = counter(meters, "failed");
    this.deferred = counter(meters, "deferred");
    this.resent = counter(meters, "resent");
    this.soldOutAtTheDoor = Counter.builder("bazaar.flash.sold.out.at.door")
        .description("purchases answered sold out before the session and security ran (SoldOutGate)").register(meters);
  }

  void queued() {
    queued.increment();
  }

  void ordered() {
    ordered.increment();
  }

  void failed() {
    failed.increment();
  }

  void deferred() {
    deferred.increment();
  }

  void resent(int tickets) {
    resent.increment(tickets);
  }

  void soldOutAtTheDoor() {
    soldOutAtTheDoor.increment();
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("bazaar.flash.tickets").tag("outcome", outcome)
        .description("flash sale tickets by outcome").register(meters);
  }
}
