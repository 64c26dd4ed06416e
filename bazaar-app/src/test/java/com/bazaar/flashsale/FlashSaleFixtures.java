package com.bazaar.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/** Flash-sale steps over HTTP shared by the flash-sale tests. */
public final class FlashSaleFixtures {
  private FlashSaleFixtures() {}

  /** A sale open from a minute ago for an hour. */
  public static String createSale(ApiClient admin, long itemId, long price, int stock, int limitPerUser) {
    Answer created = admin.post("/api/admin/flash-sales", ApiClient.json(Map.of(
        "itemId", String.valueOf(itemId),
        "price", Map.of("amount", price, "currency", "CNY"),
        "stock", stock,
        "startsAt", Instant.now().minusSeconds(60).toString(),
        "endsAt", Instant.now().plusSeconds(3600).toString(),
        "limitPerUser", limitPerUser)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  public static long remaining(ApiClient anyone, String saleId) {
    for (JsonNode sale : anyone.get("/api/flash-sales").json()) {
      if (sale.get("id").asString().equals(saleId)) {
        return sale.get("remaining").asLong();
      }
    }
    throw new AssertionError("no sale " + saleId);
  }

  interface IndexedCall<T> {
    T call(int index) throws Exception;
  }

  /** Runs the calls on many threads; a latch given is released once all are submitted. */
  static <T> List<T> concurrently(int count, IndexedCall<T> call, CountDownLatch... start) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 200));
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> call.call(index)));
      }
      for (CountDownLatch latch : start) {
        latch.countDown();
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
