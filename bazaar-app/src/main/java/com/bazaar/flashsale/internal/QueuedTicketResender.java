package com.bazaar.flashsale.internal;

import com.bazaar.flashsale.FlashSale;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again the accepted tickets that stayed unsettled longer than {@code resend-after}: the
 * node that accepted one may have died between the counter and the queue, or the broker was
 * away. Without this their units would stay held by nobody's order for good. Every node runs
 * it; the counter hands each stranded ticket to one node per period. A ticket sent twice is
 * harmless: its order is placed once under the ticket's idempotency key.
 *
 * <p>Nothing is resent while the queue still holds tickets waiting for a consumer: behind a
 * backlog (a storm in front of a slow database) an old unsettled ticket is most likely one of
 * them, and resending it would only lengthen the queue it waits in, every period, until the
 * resends outrun the orders. A ticket that really was lost is resent once the queue has drained.
 */
@Component
class QueuedTicketResender {
  private static final Logger log = LoggerFactory.getLogger(QueuedTicketResender.class);
  /** The counter keeps a sale a day past its end (unpaid orders still give units back). */
  private static final Duration KEPT_AFTER_END = Duration.ofDays(1);
  private static final int BATCH = 500;

  private final Sales sales;
  private final FlashStock stock;
  private final TicketQueue queue;
  private final FlashMeters meters;
  private final Clock clock;
  private final Duration resendAfter;

  QueuedTicketResender(Sales sales, FlashStock stock, TicketQueue queue, FlashMeters meters, Clock clock,
      FlashProperties properties) {
    this.sales = sales;
    this.stock = stock;
    this.queue = queue;
    this.meters = meters;
    this.clock = clock;
    this.resendAfter = properties.queue().resendAfter();
  }

  @Scheduled(fixedDelayString = "${bazaar.flash.queue.resend-check:10s}", initialDelayString = "${bazaar.flash.queue.resend-check:10s}")
  void resendStranded() {
    OptionalLong waiting = queue.waiting();
    if (waiting.isPresent() && waiting.getAsLong() > 0) {
      log.debug("{} flash tickets still queued: nothing resent yet", waiting.getAsLong());
      return;
    }
    Instant now = clock.instant();
    for (FlashSale sale : sales.endingAfter(now.minus(KEPT_AFTER_END))) {
      List<TicketOrder> stranded = stock.reclaim(sale.id().value(), now.minus(resendAfter), now, BATCH);
      int sent = 0;
      try {
        for (TicketOrder ticket : stranded) {
          queue.enqueue(ticket);
          sent++;
        }
      } catch (RuntimeException queueAway) {
        // the claimed rest is stamped now: it is claimed again one period later
        log.warn("flash sale {}: {} stranded tickets not resent yet: {}", sale.id(), stranded.size() - sent,
            queueAway.toString());
      }
      if (sent > 0) {
        log.info("flash sale {}: resent {} tickets unsettled for over {}", sale.id(), sent, resendAfter);
        meters.resent(sent);
      }
    }
  }
}
