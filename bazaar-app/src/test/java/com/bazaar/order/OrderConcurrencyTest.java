package com.bazaar.order;

import static com.bazaar.order.OrderApiTest.key;
import static com.bazaar.order.OrderApiTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderConcurrencyTest extends ApiTest {
  @Autowired TestItems items;

  @Test
  void fortyShoppersRacingForTenUnitsGetExactlyTen() throws Exception {
    long item = items.create("last ten", 999, 10);
    List<ApiClient> shoppers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      shoppers.add(newShopper());
    }

    List<Answer> answers = race(shoppers, shopper -> shopper.post("/api/orders", lines(item, 1)));

    assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(10);
    assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(30);
    assertThat(items.stockOf(item)).isZero();
  }

  @Test
  void concurrentRetriesWithOneIdempotencyKeyPlaceOneOrder() throws Exception {
    long item = items.create("retried", 999, 100);
    ApiClient shopper = newShopper();
    List<ApiClient> sameShopper = java.util.Collections.nCopies(8, shopper);

    List<Answer> answers = race(sameShopper, s -> s.post("/api/orders", lines(item, 2), key("retry-me")));

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
    assertThat(answers).extracting(a -> a.json().get("id").asString()).containsOnly(answers.get(0).json().get("id").asString());
    assertThat(items.stockOf(item)).isEqualTo(98);
    assertThat(shopper.get("/api/orders").json().get("totalElements").asLong()).isEqualTo(1);
  }

  @Test
  void concurrentPaymentsOfOneOrderCollectOnce() throws Exception {
    long item = items.create("paid once", 999, 10);
    ApiClient shopper = newShopper();
    String id = shopper.post("/api/orders", lines(item, 1)).json().get("id").asString();

    List<Answer> answers = race(java.util.Collections.nCopies(8, shopper),
        s -> s.post("/api/orders/" + id + "/pay", "{}"));

    assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
    assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(7);
    assertThat(items.paymentsOf(Long.parseLong(id))).isEqualTo(1);
  }

  /** Sends every request at once (as near as threads allow) and answers in the same order. */
  static List<Answer> race(List<ApiClient> clients, Function<ApiClient, Answer> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> futures = new ArrayList<>();
      for (ApiClient client : clients) {
        futures.add(pool.submit(() -> {
          start.await();
          return request.apply(client);
        }));
      }
      start.countDown();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
