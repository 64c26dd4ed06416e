package com.bazaar.order.internal;

import com.bazaar.platform.lock.DistributedLock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cancels orders left unpaid past their payment window, returning their stock. One node at a
 * time does it (the distributed lock); each order is cancelled in its own transaction, with
 * the same guarded update as a buyer's cancel, so a buyer paying at the last moment and the
 * canceller can never both win.
 */
@Component
class UnpaidOrderCanceller {
  static final String LOCK = "unpaid-order-canceller";
  static final int BATCH = 100;
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(UnpaidOrderCanceller.class);

  private final Orders orders;
  private final OrderSettlement settlement;
  private final DistributedLock lock;
  private final Clock clock;

  UnpaidOrderCanceller(Orders orders, OrderSettlement settlement, DistributedLock lock, Clock clock) {
    this.orders = orders;
    this.settlement = settlement;
    this.lock = lock;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${bazaar.order.expiry-check-interval}",
      initialDelayString = "${bazaar.order.expiry-check-interval}")
  void cancelOverdueOrders() {
    lock.tryRun(LOCK, LEASE, this::sweep);
  }

  private void sweep() {
    while (true) {
      List<Long> batch = orders.overdue(clock.instant(), BATCH);
      int cancelled = 0;
      for (long orderId : batch) {
        try {
          if (settlement.cancelOverdue(orderId)) {
            cancelled++;
          }
        } catch (RuntimeException e) {
          log.warn("could not cancel overdue order {}; will retry next run", orderId, e);
        }
      }
      if (cancelled > 0) {
        log.info("cancelled {} unpaid orders past their payment window", cancelled);
      }
      // A short batch was the last; a batch with no progress would only repeat itself.
      if (batch.size() < BATCH || cancelled == 0) {
        return;
      }
    }
  }
}
