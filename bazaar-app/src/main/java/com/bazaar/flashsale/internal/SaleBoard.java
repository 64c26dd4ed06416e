package com.bazaar.flashsale.internal;

import com.bazaar.flashsale.FlashSale;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sales that have not ended, as this node last read them: the item page asks on every
 * request whether its item is on sale, and must not cost a query each time. One request
 * re-reads the list (ix_flash_sales_ends) once it is {@link #FRESH_FOR} old while the others
 * keep using the old one; a sale created on this node is seen at once, one created on another
 * node within that time.
 */
@Component
class SaleBoard {
  static final Duration FRESH_FOR = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(SaleBoard.class);

  private final Sales sales;
  private final Clock clock;
  private final ReentrantLock reading = new ReentrantLock();
  /** Bumped by every sale created here, so a read that began before it cannot hide the new sale. */
  private final AtomicLong version = new AtomicLong();
  private volatile Snapshot snapshot = Snapshot.NEVER_READ;

  SaleBoard(Sales sales, Clock clock) {
    this.sales = sales;
    this.clock = clock;
  }

  /** Sales not ended at this moment, soonest start first. */
  List<FlashSale> current() {
    Instant now = clock.instant();
    Snapshot board = snapshot;
    if (board.staleAt(now, version.get())) {
      board = refreshed(now, board);
    }
    return board.sales().stream().filter(sale -> sale.endsAt().isAfter(now)).toList();
  }

  void added() {
    version.incrementAndGet();
  }

  private Snapshot refreshed(Instant now, Snapshot old) {
    boolean fresh = old.version() != version.get();
    // The first read and a read after a local create wait for the lock: their caller must see the sale.
    if (fresh) {
      reading.lock();
    } else if (!reading.tryLock()) {
      return old;
    }
    try {
      Snapshot current = snapshot;
      long at = version.get();
      if (!current.staleAt(now, at)) {
        return current;
      }
      List<FlashSale> notEnded = sales.endingAfter(now).stream()
          .sorted(Comparator.comparing(FlashSale::startsAt).thenComparingLong(sale -> sale.id().value()))
          .toList();
      snapshot = new Snapshot(notEnded, now, at);
      return snapshot;
    } catch (RuntimeException e) {
      log.warn("flash sales not re-read, keeping the last list: {}", e.toString());
      return old;
    } finally {
      reading.unlock();
    }
  }

  private record Snapshot(List<FlashSale> sales, Instant readAt, long version) {
    /** Version -1 matches no counter value (they start at 0), so the first read always reads. */
    static final Snapshot NEVER_READ = new Snapshot(List.of(), Instant.MIN, -1);

    boolean staleAt(Instant now, long currentVersion) {
      return version != currentVersion || !now.isBefore(readAt.plus(FRESH_FOR));
    }
  }
}
