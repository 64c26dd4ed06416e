package com.bazaar.flashsale.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;

/** The queue port between accepted purchases and the order side; delivers at least once. */
interface TicketQueue {
  /** Gauge of the tickets waiting in the queue (each adapter measures its own). */
  String FLASH_QUEUE_DEPTH = "bazaar.flash.queue.depth";

  void enqueue(TicketOrder ticket);

  /**
   * The tickets waiting for a consumer (not those being ordered), or empty while the queue cannot
   * tell (the broker is away).
   */
  OptionalLong waiting();

  /** Publishes {@link #waiting()} as {@value #FLASH_QUEUE_DEPTH}; NaN while it is unknown. */
  static void gaugeDepth(TicketQueue queue, MeterRegistry meters) {
    Gauge.builder(FLASH_QUEUE_DEPTH, queue, q -> {
          OptionalLong waiting = q.waiting();
          return waiting.isPresent() ? waiting.getAsLong() : Double.NaN;
        })
        .description("flash tickets waiting for the order side").register(meters);
  }
}
