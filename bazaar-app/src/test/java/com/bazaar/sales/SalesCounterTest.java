package com.bazaar.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.order.Order.OrderPaid;
import com.bazaar.platform.events.EventDeliveries;
import com.bazaar.platform.events.EventSubscription;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import com.bazaar.support.Trades;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Units sold per item, counted by the OrderPaid consumer exactly once per paid order. */
class SalesCounterTest extends ApiTest {
  @Autowired TestItems items;
  @Autowired EventDeliveries deliveries;

  @Test
  void paidOrdersCountTheirUnitsAndCancelledOnesDoNot() {
    long kettle = items.create("Counted kettle", 900, 20);
    ApiClient first = newShopper();
    ApiClient second = newShopper();
    Trades.pay(first, Trades.place(first, kettle, 2));
    Trades.pay(second, Trades.place(second, kettle, 3));
    Trades.cancel(second, Trades.place(second, kettle, 4));

    await().atMost(Duration.ofSeconds(20)).until(() -> Trades.sold(anonymous(), kettle) == 5);
    assertThat(Trades.sold(anonymous(), kettle)).isEqualTo(5);
  }

  @Test
  void anOrderPaidEventDeliveredAgainCountsNothing() throws Exception {
    long kettle = items.create("Redelivered kettle", 900, 5);
    ApiClient shopper = newShopper();
    String orderId = Trades.place(shopper, kettle, 2);
    Trades.pay(shopper, orderId);
    await().atMost(Duration.ofSeconds(20)).until(() -> Trades.sold(anonymous(), kettle) == 2);

    OrderPaid again = new OrderPaid(OrderId.of(Long.parseLong(orderId)), UserId.of(buyerId(shopper)));
    EventSubscription<?> counter = deliveries.subscriptions().stream()
        .filter(s -> s.name().equals("sales.order-paid")).findFirst().orElseThrow();
    // Duplicates racing each other, as two nodes handed the same message would.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> deliveries.deliver(counter, again)));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(Trades.sold(anonymous(), kettle)).isEqualTo(2);
  }

  @Test
  void manyBuyersPayingAtOnceAreAllCounted() throws Exception {
    long kettle = items.create("Busy kettle", 900, 50);
    int buyers = 12;
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < buyers; i++) {
        runs.add(pool.submit(() -> {
          ApiClient shopper = newShopper();
          Trades.pay(shopper, Trades.place(shopper, kettle, 1));
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> Trades.sold(anonymous(), kettle) == buyers);
    assertThat(Trades.sold(anonymous(), kettle)).isEqualTo(buyers);
  }

  @Test
  void anUnknownItemHasNoSalesFigure() {
    assertThat(anonymous().get("/api/items/42/sales").status()).isEqualTo(404);
    assertThat(anonymous().get("/api/items/abc/sales").status()).isEqualTo(400);
    assertThat(Trades.sold(anonymous(), items.create("Unsold kettle", 900, 5))).isZero();
  }

  private static long buyerId(ApiClient shopper) {
    return Long.parseLong(shopper.get("/api/session").json().get("id").asString());
  }
}
