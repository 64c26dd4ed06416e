package com.bazaar.flashsale.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.bazaar.flashsale.FlashSale;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.SaleId;
import com.bazaar.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behind a backlog the resender waits: an unsettled ticket there is one still queued, and
 * resending it each period turned a slow database's backlog into a retry storm that never
 * drained (docs/benchmarks.md). A ticket really lost is resent once the queue has drained.
 */
class QueuedTicketResenderTest {
  private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
  private static final Duration CHECK = Duration.ofSeconds(10);
  private static final int TICKETS = 100;

  private final MutableClock clock = new MutableClock(START);
  private final FlashStock stock = new InMemoryFlashStock();
  private final BackloggedQueue queue = new BackloggedQueue();
  private QueuedTicketResender resender;

  @BeforeEach
  void aSaleWithAHundredTicketsUnsettled() {
    FlashSale sale = new FlashSale(SaleId.of(7), ItemId.of(1), Money.of(990, "CNY"), 1_000, START,
        START.plus(Duration.ofHours(1)), 1);
    stock.load(sale, sale.stock());
    for (long buyer = 1; buyer <= TICKETS; buyer++) {
      assertThat(stock.take(7, buyer, 1_000 + buyer, 1, START)).isEqualTo(FlashStock.Take.ACCEPTED);
    }
    Sales sales = mock(Sales.class);
    when(sales.endingAfter(any())).thenReturn(List.of(sale));
    FlashProperties properties = new FlashProperties(null,
        new FlashProperties.Queue("tickets", 4, 200, Duration.ofMinutes(1)), null);
    resender = new QueuedTicketResender(sales, stock, queue, new FlashMeters(new SimpleMeterRegistry()), clock,
        properties);
  }

  @Test
  void aTenMinuteBacklogIsResentZeroTimesThenTheStrandedOnesOnceWhenItDrains() {
    queue.waiting = OptionalLong.of(50_000);
    for (Duration passed = Duration.ZERO; passed.compareTo(Duration.ofMinutes(10)) < 0; passed = passed.plus(CHECK)) {
      clock.advance(CHECK);
      resender.resendStranded();
    }
    assertThat(queue.sent).as("resent behind a ten-minute backlog").isEmpty();

    queue.waiting = OptionalLong.of(0);
    resender.resendStranded();
    assertThat(queue.sent).as("the unsettled tickets, once each").hasSize(TICKETS)
        .extracting(TicketOrder::ticketId).doesNotHaveDuplicates();
    clock.advance(CHECK);
    resender.resendStranded();
    assertThat(queue.sent).as("not again before resend-after").hasSize(TICKETS);
  }

  @Test
  void aQueueThatCannotTellItsDepthStillGetsTheStrandedTickets() {
    queue.waiting = OptionalLong.empty();
    clock.advance(Duration.ofMinutes(2));
    resender.resendStranded();
    assertThat(queue.sent).hasSize(TICKETS);
  }

  /** A queue whose consumers are far behind: it takes every ticket and reports the depth it is told. */
  private static final class BackloggedQueue implements TicketQueue {
    final List<TicketOrder> sent = new ArrayList<>();
    OptionalLong waiting = OptionalLong.of(0);

    @Override
    public void enqueue(TicketOrder ticket) {
      sent.add(ticket);
    }

    @Override
    public OptionalLong waiting() {
      return waiting;
    }
  }
}
