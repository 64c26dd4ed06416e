package com.bazaar.flashsale.internal;

/** The queue port between accepted purchases and the order side; delivers at least once. */
interface TicketQueue {
  /** Gauge of the tickets waiting in the queue (each adapter measures its own). */
  String FLASH_QUEUE_DEPTH = "bazaar.flash.queue.depth";

  void enqueue(TicketOrder ticket);
}
