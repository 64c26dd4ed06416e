package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A sustained storm's sales are open before the purchases that go to them are due. */
class SalesAheadTest {

  private final ConcurrentMap<Long, AtomicInteger> openings = new ConcurrentHashMap<>();

  private String open(long round) {
    openings.computeIfAbsent(round, r -> new AtomicInteger()).incrementAndGet();
    return "sale-" + round;
  }

  @Test
  void aPacedStormKeepsTheSalesOfItsLeadOpen() {
    // 6,000 purchases/s over 300 buyers: 20 sales a second, so 40 for a lead of two seconds
    assertThat(SalesAhead.roundsAhead(6_000, 300)).isEqualTo(40);
    assertThat(SalesAhead.roundsAhead(100, 300)).isEqualTo(1);
    assertThat(SalesAhead.roundsAhead(0, 300)).isEqualTo(SalesAhead.CLOSED_AHEAD);
  }

  @Test
  void aWindowStartsWithItsLeadOpenedAndEachSaleOpensOnce() {
    try (SalesAhead sales = new SalesAhead(this::open)) {
      sales.lead(0, 6_000, 300);
      assertThat(openings.keySet()).containsExactlyInAnyOrderElementsOf(rounds(0, 40));

      assertThat(sales.sale(0)).isEqualTo("sale-0");
      assertThat(sales.sale(5)).isEqualTo("sale-5");
      await().until(() -> openings.size() == 46);
      assertThat(openings.keySet()).containsExactlyInAnyOrderElementsOf(rounds(0, 45));
      assertThat(openings.values()).allMatch(times -> times.get() == 1);
      assertThat(sales.opened()).isEqualTo(46);
      assertThat(sales.waitsSinceLast().purchases()).isZero();
    }
  }

  @Test
  void aPurchaseWhoseSaleIsStillOpeningIsCounted() throws Exception {
    CountDownLatch adminAnswers = new CountDownLatch(1);
    try (SalesAhead sales = new SalesAhead(round -> {
      if (round == 3) {
        try {
          adminAnswers.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return open(round);
    })) {
      AtomicReference<String> sale = new AtomicReference<>();
      Thread buyer = new Thread(() -> sale.set(sales.sale(3)));
      buyer.start();
      await().until(() -> buyer.getState() == Thread.State.WAITING);
      adminAnswers.countDown();
      buyer.join();

      assertThat(sale.get()).isEqualTo("sale-3");
      assertThat(sales.waitsSinceLast().purchases()).isEqualTo(1);
      assertThat(sales.waitsSinceLast().purchases()).as("counted since the last call").isZero();
    }
  }

  private static List<Long> rounds(long first, long last) {
    return LongStream.rangeClosed(first, last).boxed().toList();
  }
}
