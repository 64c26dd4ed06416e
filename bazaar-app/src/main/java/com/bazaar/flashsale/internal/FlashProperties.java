package com.bazaar.flashsale.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.flash.*}. The mode chooses the design: {@code queued} (stock decided in memory
 * or Redis, orders placed behind a queue) or {@code naive} (a database update and an order per
 * purchase, synchronously — kept only as the benchmark's baseline). The queue's consumers and
 * orders-per-second bound how hard the order side is pushed, however hard buyers push.
 * {@code sold-out-memory}: how long a node answers a sale sold out at the door ({@link SoldOutGate})
 * before it asks the counter again.
 */
@ConfigurationProperties("bazaar.flash")
record FlashProperties(Mode mode, Queue queue, Duration soldOutMemory) {

  @SuppressWarnings("NullAway") // an absent resend-after is null, as the binder passes it; Queue's constructor defaults it
  FlashProperties {
    mode = mode == null ? Mode.QUEUED : mode;
    queue = queue == null ? new Queue("bazaar.flash.tickets", 4, 200, null) : queue;
    soldOutMemory = soldOutMemory == null ? Duration.ofSeconds(1) : soldOutMemory;
    if (soldOutMemory.isNegative() || soldOutMemory.isZero()) {
      throw new IllegalArgumentException("bazaar.flash.sold-out-memory must be positive, was " + soldOutMemory);
    }
  }

  enum Mode {
    QUEUED,
    NAIVE
  }

  /**
   * {@code resend-after}: how long an accepted ticket may stay unsettled before it is sent
   * again (its first message may have died with its node, or the broker was away), once the
   * queue holds no ticket waiting. Longer than a ticket normally takes from the queue to its order,
   * or the tickets being ordered are sent twice (harmless, but work).
   */
  record Queue(String name, int consumers, int ordersPerSecond, Duration resendAfter) {
    Queue {
      resendAfter = resendAfter == null ? Duration.ofMinutes(1) : resendAfter;
    }
  }
}
