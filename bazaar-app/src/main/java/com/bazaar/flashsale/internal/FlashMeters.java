package com.bazaar.flashsale.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code bazaar.flash.tickets{outcome=queued|ordered|failed}}: accepted purchases put on the
 * ticket queue, and how they settled. Queued minus settled, summed over the nodes, is the
 * backlog in front of the order side; {@code bazaar.flash.queue.depth} measures it directly.
 */
@Component
final class FlashMeters {
  private final Counter queued;
  private final Counter ordered;
  private final Counter failed;

  FlashMeters(MeterRegistry meters) {
    this.queued = counter(meters, "queued");
    this.ordered = counter(meters, "ordered");
    this.failed = counter(meters, "failed");
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

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("bazaar.flash.tickets").tag("outcome", outcome)
        .description("flash sale tickets by outcome").register(meters);
  }
}
