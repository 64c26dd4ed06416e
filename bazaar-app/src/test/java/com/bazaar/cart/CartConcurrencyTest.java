package com.bazaar.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many shoppers filling, ordering from and clearing their carts at the same moment. Their cart
 * lines sit side by side in one index, so any gap lock taken by one shopper's write stands in the
 * way of the next shopper's insert: the database may never turn that into an error page.
 */
class CartConcurrencyTest extends ApiTest {
  private static final int SHOPPERS = 16;
  private static final int ROUNDS = 12;

  @Autowired TestItems items;

  @Test
  void shoppersAddingOrderingAndClearingCartsAtOnceNeverSeeAServerError() throws Exception {
    List<Long> goods = List.of(
        items.create("concurrent cart a", 100, 1_000_000),
        items.create("concurrent cart b", 200, 1_000_000),
        items.create("concurrent cart c", 300, 1_000_000));
    List<ApiClient> shoppers = new ArrayList<>();
    for (int i = 0; i < SHOPPERS; i++) {
      shoppers.add(newShopper());
    }

    List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(SHOPPERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (ApiClient shopper : shoppers) {
        runs.add(pool.submit(() -> {
          start.await();
          for (int round = 0; round < ROUNDS; round++) {
            shop(shopper, goods, round, answers);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> run : runs) {
        run.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).hasSize(SHOPPERS * ROUNDS * 8);
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isLessThan(500));
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isBetween(200, 299));
  }

  /**
   * One round: fill the cart, change it, order from it (which empties it), pay it or, every other
   * round, cancel it (the stock goes back while other shoppers reserve the same items; a buyer may
   * hold only a few unpaid orders), fill and empty it again.
   */
  private static void shop(ApiClient shopper, List<Long> goods, int round, List<Answer> answers) {
    long first = goods.get(round % goods.size());
    long second = goods.get((round + 1) % goods.size());
    answers.add(shopper.put("/api/cart/items/" + first, "{\"quantity\":1}"));
    answers.add(shopper.put("/api/cart/items/" + second, "{\"quantity\":2}"));
    answers.add(shopper.put("/api/cart/items/" + first, "{\"quantity\":3}"));
    answers.add(shopper.get("/api/cart"));
    Answer placed = shopper.post("/api/orders", "{\"fromCart\":true}");
    answers.add(placed);
    String settle = round % 2 == 0 ? "/pay" : "/cancel";
    answers.add(placed.status() == 201
        ? shopper.post("/api/orders/" + placed.json().get("id").asText() + settle, "{}")
        : placed);
    answers.add(shopper.put("/api/cart/items/" + second, "{\"quantity\":1}"));
    answers.add(shopper.delete("/api/cart/items/" + second));
  }
}
