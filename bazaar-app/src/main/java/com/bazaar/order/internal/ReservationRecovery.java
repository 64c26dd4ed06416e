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
 * Finishes placements that a crash or a database outage cut short: a reservation still HELD
 * after {@code bazaar.order.sharding.reservation-timeout} is placed if its order row reached
 * its shard, or gives its stock back if not. The timeout is far longer than a placement takes,
 * so a placement still in flight is left alone. With one database a reservation is never seen
 * HELD (placing is one transaction), and the sweep finds nothing.
 */
@Component
class ReservationRecovery {
  static final String LOCK = "order-reservation-recovery";
  static final int BATCH = 100;
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(ReservationRecovery.class);

  private final Reservations reservations;
  private final StockReservation stock;
  private final DistributedLock lock;
  private final Clock clock;
  private final ShardingProperties properties;

  ReservationRecovery(Reservations reservations, StockReservation stock, DistributedLock lock, Clock clock,
      ShardingProperties properties) {
    this.reservations = reservations;
    this.stock = stock;
    this.lock = lock;
    this.clock = clock;
    this.properties = properties;
  }

  @Scheduled(
      fixedDelayString = "${bazaar.order.sharding.recovery-interval:30s}",
      initialDelayString = "${bazaar.order.sharding.recovery-interval:30s}")
  void recoverStalledPlacements() {
    lock.tryRun(LOCK, LEASE, this::sweep);
  }

  /** Settles every stalled reservation it can; answers how many it looked at. */
  int sweep() {
    int seen = 0;
    List<Reservations.Held> batch;
    do {
      batch = reservations.heldSince(clock.instant().minus(properties.reservationTimeout()), BATCH);
      for (Reservations.Held held : batch) {
        try {
          stock.settleHeld(held.orderId(), held.buyerId());
        } catch (RuntimeException e) {
          log.warn("could not settle the stalled reservation of order {}; will retry next run", held.orderId(), e);
          return seen;
        }
      }
      seen += batch.size();
    } while (batch.size() == BATCH);
    if (seen > 0) {
      log.info("settled {} stalled order reservations", seen);
    }
    return seen;
  }
}
