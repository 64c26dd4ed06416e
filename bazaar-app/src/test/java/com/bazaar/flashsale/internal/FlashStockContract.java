package com.bazaar.flashsale.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.flashsale.FlashSale;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.SaleId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The stock-counter port's contract, proved on each adapter with the same assertions. */
abstract class FlashStockContract {
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime());
  private static final Instant NOW = Instant.now(); // real time: Redis expires a sale a day after its end

  abstract FlashStock stock();

  FlashSale loadedSale(int units, int limit) {
    FlashSale sale = new FlashSale(SaleId.of(IDS.incrementAndGet()), ItemId.of(1), Money.of(100, "CNY"), units,
        NOW.minusSeconds(60), NOW.plusSeconds(60), limit);
    stock().load(sale, units);
    return sale;
  }

  @Test
  void concurrentBuyersNeverTakeMoreThanTheStock() throws Exception {
    FlashSale sale = loadedSale(10, 1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<FlashStock.Take>> takes = LongStream.range(0, 200)
          .mapToObj(buyer -> pool.submit(() -> stock().take(sale.id().value(), buyer, IDS.incrementAndGet(), 1, NOW)))
          .toList();
      long accepted = 0;
      for (Future<FlashStock.Take> take : takes) {
        accepted += take.get() == FlashStock.Take.ACCEPTED ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(10);
      assertThat(stock().remaining(sale.id().value())).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBuyerStaysWithinTheLimit() {
    FlashSale sale = loadedSale(10, 2);
    assertThat(stock().take(sale.id().value(), 7, IDS.incrementAndGet(), 2, NOW)).isEqualTo(FlashStock.Take.ACCEPTED);
    assertThat(stock().take(sale.id().value(), 7, IDS.incrementAndGet(), 1, NOW)).isEqualTo(FlashStock.Take.LIMIT_REACHED);
    assertThat(stock().take(sale.id().value(), 8, IDS.incrementAndGet(), 3, NOW)).isEqualTo(FlashStock.Take.LIMIT_REACHED);
  }

  @Test
  void nothingIsSoldOutsideTheWindowOrForAnUnknownSale() {
    FlashSale sale = loadedSale(10, 1);
    assertThat(stock().take(sale.id().value(), 1, IDS.incrementAndGet(), 1, sale.startsAt().minusMillis(1)))
        .isEqualTo(FlashStock.Take.NOT_ACTIVE);
    assertThat(stock().take(sale.id().value(), 1, IDS.incrementAndGet(), 1, sale.endsAt())).isEqualTo(FlashStock.Take.NOT_ACTIVE);
    assertThat(stock().take(IDS.incrementAndGet(), 1, IDS.incrementAndGet(), 1, NOW))
        .isEqualTo(FlashStock.Take.UNKNOWN_SALE);
  }

  @Test
  void aGivenBackTicketReturnsItsUnitsAndFreesTheBuyerOnce() {
    FlashSale sale = loadedSale(1, 1);
    long ticket = IDS.incrementAndGet();
    assertThat(stock().take(sale.id().value(), 5, ticket, 1, NOW)).isEqualTo(FlashStock.Take.ACCEPTED);
    assertThat(stock().holder(sale.id().value(), ticket)).contains(5L);
    assertThat(stock().take(sale.id().value(), 6, IDS.incrementAndGet(), 1, NOW)).isEqualTo(FlashStock.Take.SOLD_OUT);

    assertThat(stock().giveBack(sale.id().value(), ticket)).isTrue();
    assertThat(stock().giveBack(sale.id().value(), ticket)).isFalse();
    assertThat(stock().remaining(sale.id().value())).isEqualTo(1);
    assertThat(stock().holder(sale.id().value(), ticket)).isEmpty();
    assertThat(stock().take(sale.id().value(), 5, IDS.incrementAndGet(), 1, NOW)).isEqualTo(FlashStock.Take.ACCEPTED);
  }

  @Test
  void loadingAgainDoesNotRefillASaleInProgress() {
    FlashSale sale = loadedSale(2, 1);
    stock().take(sale.id().value(), 1, IDS.incrementAndGet(), 1, NOW);
    stock().load(sale, 2);
    assertThat(stock().remaining(sale.id().value())).isEqualTo(1);
  }

  @Test
  void anUnsettledTicketIsReclaimedOncePerPeriodUntilItSettles() {
    FlashSale sale = loadedSale(5, 2);
    long ticket = IDS.incrementAndGet();
    stock().take(sale.id().value(), 9, ticket, 2, NOW);
    Instant later = NOW.plusSeconds(1);

    assertThat(stock().reclaim(sale.id().value(), NOW, later, 10)).as("not older than the period yet").isEmpty();
    assertThat(stock().reclaim(sale.id().value(), later, later, 10))
        .containsExactly(new TicketOrder(ticket, sale.id().value(), 9, 2));
    assertThat(stock().reclaim(sale.id().value(), later, later, 10)).as("claimed a moment ago").isEmpty();
    assertThat(stock().reclaim(sale.id().value(), later.plusMillis(1), later.plusMillis(1), 10)).hasSize(1);

    stock().settled(sale.id().value(), ticket);
    assertThat(stock().reclaim(sale.id().value(), later.plusSeconds(5), later.plusSeconds(5), 10)).isEmpty();
    assertThat(stock().holder(sale.id().value(), ticket)).as("settling keeps the units held").contains(9L);
  }

  @Test
  void aGivenBackTicketIsNeverReclaimed() {
    FlashSale sale = loadedSale(5, 1);
    long ticket = IDS.incrementAndGet();
    stock().take(sale.id().value(), 3, ticket, 1, NOW);
    stock().giveBack(sale.id().value(), ticket);
    assertThat(stock().reclaim(sale.id().value(), NOW.plusSeconds(1), NOW.plusSeconds(1), 10)).isEmpty();
  }

  @Test
  void concurrentReclaimersClaimEachTicketOnce() throws Exception {
    FlashSale sale = loadedSale(100, 1);
    for (long buyer = 0; buyer < 100; buyer++) {
      stock().take(sale.id().value(), buyer, IDS.incrementAndGet(), 1, NOW);
    }
    Instant later = NOW.plusSeconds(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<TicketOrder>>> claims = LongStream.range(0, 8)
          .mapToObj(i -> pool.submit(() -> stock().reclaim(sale.id().value(), later, later, 30)))
          .toList();
      List<Long> claimed = new java.util.ArrayList<>();
      for (Future<List<TicketOrder>> claim : claims) {
        claim.get().forEach(t -> claimed.add(t.ticketId()));
      }
      assertThat(claimed).hasSize(100).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }
}
